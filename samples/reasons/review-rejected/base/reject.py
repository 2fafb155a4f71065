"""A reviewer that never approves: it gives its verdict on one line, then its feedback."""

print("VERDICT: REJECTED")
print("The code works, but average() must name its argument 'values' and say in a docstring")
print("what it returns for an empty list.")
