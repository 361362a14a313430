# A TypeError from a builtin method call inside a nested expression.
words = ["alpha", "beta", "gamma"]
lengths = {w: len(w) for w in words}
print(lengths)
summary = ", ".join(w.upper() for w in words)
print(summary)
print("total: " + sum(lengths.values()))
