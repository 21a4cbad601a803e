"""Plain helpers shared by the test packages: local servers, fakes, articles, limits.

Not a test package: it holds no tests and no fixtures (those live in tests/conftest.py), and
it imports no test package, so that test packages never import each other.
"""
