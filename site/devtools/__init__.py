"""Development tooling: the demo content loader, synthetic casework records and `make bench`.

It sits above every app and may import any of them; nothing in the product imports it.
"""
