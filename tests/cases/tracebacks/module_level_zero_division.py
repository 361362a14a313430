# An uncaught ZeroDivisionError in module code after some output.
values = [4, 2, 1, 0, -1]
total = 0
for v in values:
    print("10 /", v, "...")
    total += 10 / v
    print("running total", total)
print("never printed")
