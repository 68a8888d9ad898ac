"""Co-building agreements (共建协议), commitments and the three lists."""
