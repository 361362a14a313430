# True division always returns a float (or complex), with exact rounding.

print(1 / 2, -1 / 2, 1 / -2, 4 / 2, type(4 / 2).__name__)
print(0 / 5, -0 / 5, 0 / -5, 0.0 / -5)
print(1 / 3, 2 / 3, 10 / 3, -10 / 3)
print(7 / 7, 22 / 7, 355 / 113)
print(1 / 10, 3 / 10, 1 / 1000, 1 / 1e10)
print(2 ** 53 / 1, (2 ** 53 + 1) / 1, (2 ** 53 + 1) / 2)
print(10 ** 30 / 10 ** 15, 10 ** 30 / 3, (10 ** 30 + 1) / 10 ** 30)
print(123456789123456789123456789 / 987654321987654321)
print(1 / 2 ** 1074 if False else 2 ** -1074)
print(1.5 / 0.5, 1e308 / 1e-308, 1e-308 / 1e308, 5e-324 / 2)
print(True / 2, False / True, 3 / True)
inf = float("inf")
print(1 / inf, -1 / inf, inf / 2, inf / -2, inf / inf)
print((1 + 2j) / 2, (1 + 2j) / (3 - 4j), 2 / (1j), (4j) / 2j, 1 / (1 + 1j))
for a, b in [(1, 0), (1.0, 0.0), (0, 0), (-5, 0.0), (1j, 0), (1, 0j), (10 ** 30, 0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)

# huge / huge with a result that fits
a = 3 ** 1000
b = 3 ** 999
print(a / b, b / a)
try:
    print(3 ** 1000 / 7)
except OverflowError as e:
    print(type(e).__name__, e)
print(7 / 3 ** 1000)

# division results used in further arithmetic
total = 0.0
for i in range(1, 11):
    total += 1 / i
print(total)
print(sum(1 / (k * k) for k in range(1, 1001)))
x = 1.0
for _ in range(60):
    x /= 2
print(x, x * 2 ** 60)
print(-7 / 2, int(-7 / 2), -7 // 2, round(-7 / 2))
