"""The agreements tab (共建协议): the agreements, the 七个共 matrix, the three lists and the
in-service members."""
