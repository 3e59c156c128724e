"""Allow ``python -m memberanalyzer``."""

from memberanalyzer.cli import main

main()
