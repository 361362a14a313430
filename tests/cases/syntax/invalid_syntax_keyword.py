# A keyword used where an expression is expected.
x = 5
if x > 3:
    y = else
print(y)
