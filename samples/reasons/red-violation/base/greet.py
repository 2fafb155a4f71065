"""Already in the project before the feature starts, so the feature's test has nothing to prove."""


def greet(name):
    return f"Hello, {name}!"
