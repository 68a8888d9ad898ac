"""Offline exchange between the street office and community centres (issue 17).

``sites`` enrols and revokes sites, ``changelog`` records every write, ``scope`` decides what
a community receives, ``packages`` writes and reads sealed ``.gjpkg`` files, ``importing``
applies them (idempotent, in order, conflicts kept), ``conflicts`` is the inbox, ``status``
the view per site.
"""
