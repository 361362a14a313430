# A non-ASCII symbol used as an operator.
a = 6
b = a × 7
print(b)
