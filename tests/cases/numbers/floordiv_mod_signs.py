# Floor division and modulo: result signs follow the divisor, for int and float.

pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 3), (0, -3), (6, 3), (-6, 3), (6, -3), (1, 7), (-1, 7)]
for a, b in pairs:
    print(a, b, "//", a // b, "%", a % b, "divmod", divmod(a, b), "check", (a // b) * b + a % b == a)

print("floats")
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (7, 0.5), (0.0, 3), (-0.0, 3), (0.0, -3),
          (1, 0.1), (-1, 0.1), (5.0, 3.0), (-5.0, 3.0), (1e300, 1e-300), (3.5, float("inf")),
          (-3.5, float("inf")), (3.5, float("-inf")), (1e-310, 3)]
for a, b in fpairs:
    print(a, b, "//", a // b, "%", a % b, "divmod", divmod(a, b))

print("big ints")
big = 10 ** 20 + 7
for a, b in [(big, 3), (-big, 3), (big, -3), (-big, -3), (3, big), (-3, big), (big, big), (-big, big)]:
    print(a // b, a % b)

print("zero divisors")
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0), (-1, -0.0), (big, 0)]:
    for op in ("//", "%", "divmod"):
        try:
            if op == "//":
                r = a // b
            elif op == "%":
                r = a % b
            else:
                r = divmod(a, b)
            print(op, r)
        except ZeroDivisionError as e:
            print(a, op, b, type(e).__name__, e)

print("inf and nan")
inf = float("inf")
nan = float("nan")
for a, b in [(inf, 2), (-inf, 2), (nan, 2), (2, nan), (inf, inf)]:
    print(a, b, a // b, a % b)

print("bool operands")
print(True // 1, True % 2, False // True, -True // 2, 5 % True)

print("mod of negatives with floats keeps divisor sign")
print(-1e-20 % 1.0, 1e-20 % -1.0, -0.0 % 1.0, 0.0 % -1.0)
print(-7 % 2.5, 7 % -2.5, -7.0 // 2.5)
