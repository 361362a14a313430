# Float repr: shortest round-tripping digits, exponent thresholds, specials.

values = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 100.0, 1234.5678,
          1e15, 1e16, 1e17, 123456789012345.6, 1234567890123456.7, 12345678901234567.0,
          1e-4, 1e-5, 0.0001, 0.00001, 0.000123, 0.0000123, 1.5e-5,
          1e22, 1e23, 1e100, 1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, 1e-323,
          9007199254740993.0, 4.35, 2.675, 1.1, 2.2, 3.3000000000000003]
for v in values:
    print(repr(v), str(v))

print(0.1 + 0.2, 0.1 + 0.7, 1.1 * 3, 1 - 0.9, 0.1 * 3, 3 * 1.1, 100 * 1.1, 0.3 - 0.1)
print(1e16 + 1, 2.0 ** 53, 2.0 ** 53 + 1, 2.0 ** 60, 2.0 ** -10, 2.0 ** -20, 2.0 ** 100)
print(1 / 7, 22 / 7, 10 / 3, 1e16 / 3, 1e-5 / 3, 123e-7)
print(float("inf"), float("-inf"), float("nan"), -float("nan"), float("inf") - float("inf"))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, -1e-320 / 1e10)
print(repr(1e16), repr(1e15), repr(9999999999999998.0), repr(99999999999999999.0))
print(repr(0.0001), repr(0.00009999), repr(1.0000000000000002), repr(0.9999999999999999))
print(3.0, 3.0 * 1, float(3), 3e0, 30e-1, 0.3e1)
print(-1e-7, -1.5e300, 1.5e-300, 12e5, 12e15, 12e16)
print([0.1, -0.0, 1e16, float("nan")], (1.5,), {0.5: 2.5})

total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, round(total, 10))
x = 1.0
for i in range(8):
    x *= 10.1
    print(x)
y = 1.0
for i in range(6):
    y /= 3
    print(y)
print(str(1.0e-10), str(123456.0e-15), str(1.0e10), str(1.23e+45))
print(float.__repr__(2.5), 7.0 .__str__())
