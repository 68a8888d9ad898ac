"""One module per benchmark; each registers its subcommand with ``bench.registry.benchmark``."""
