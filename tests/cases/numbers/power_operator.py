# The ** operator: int, negative and fractional exponents, floats, complex, errors.

for base in [2, -2, 3, 0, 1, -1, 10]:
    print(base, [base ** e for e in range(0, 6)])

print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3, 1 ** -5, (-1) ** -3)
print(type(2 ** -1).__name__, type(2 ** 0).__name__)
print(4 ** 0.5, 8 ** (1 / 3), 2 ** 0.5, 2.0 ** 10, 2.5 ** 2, 0.5 ** -2)
print(10 ** 22, 10.0 ** 22, 10 ** 23 == 10.0 ** 23, 10.0 ** 23)
print(2 ** 1000 > 10 ** 300, len(str(2 ** 1000)))
print(0 ** 0, 0.0 ** 0, 0 ** 0.0, 0.0 ** 0.0)
print((-8) ** (1 / 3))
print((-1) ** 0.5)
print((-4.0) ** 0.5, (-2) ** 1.5)
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, -(2 ** 2), 2 ** -1 ** 2)
print(1j ** 2, (1 + 1j) ** 2, (1 + 2j) ** 3, 2 ** 1j, (1j) ** 0, 0j ** 0)
print((3 + 4j) ** 0.5, (2 + 0j) ** -1, (1 + 1j) ** -2)
inf = float("inf")
nan = float("nan")
print(inf ** 0, nan ** 0, 1 ** nan, 1.0 ** inf, 2 ** inf, 0.5 ** inf, 2 ** -inf, inf ** -1)
print((-inf) ** 3, (-inf) ** 2, (-inf) ** 0.5, (-inf) ** -1)
print(True ** 10, 2 ** True, False ** 0)

errors = [
    lambda: 0 ** -1,
    lambda: 0.0 ** -1,
    lambda: 0 ** -1.5,
    lambda: 10.0 ** 400,
    lambda: 2.0 ** 10000,
    lambda: 0j ** -1,
    lambda: 0j ** (1 + 1j),
    lambda: (-2.0) ** 1e400,
]
for fn in errors:
    try:
        print(fn())
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)

print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-8, 1 / 3))
x = 3
x **= 4
print(x)
x **= -1
print(x)
print((10 ** 20) ** 2, (-(10 ** 10)) ** 3)
print(7 ** 77)
print(1.0000001 ** 1e7)
