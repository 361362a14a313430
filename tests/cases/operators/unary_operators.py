# Unary +, -, ~ and not on every numeric type, stacked and mixed with binary operators.

for v in [0, 1, -1, 7, -(2 ** 63), 2 ** 64, 10 ** 30, True, False]:
    print(repr(v), +v, -v, ~v, not v, type(+v).__name__, type(-v).__name__)
for v in [0.0, -0.0, 1.5, -2.25, 1e308, 5e-324, float("inf"), float("nan")]:
    print(repr(v), +v, -v, not v, type(-v).__name__)
for v in [0j, 1j, -1j, 1 + 2j, complex(-0.0, 0.0), complex(1, -0.0)]:
    print(repr(v), +v, -v, not v)

print(- - 5, + - 5, - + 5, ~~5, ~-5, -~5, ~ ~ ~ 0, not not 0, - - - 1.5)
print(--5, ++5, -+-5, +-+-5)
x = 3
print(-x ** 2, (-x) ** 2, -x * 2, -(x * 2), ~x + 1, -(~x), ~x * 2)
print(2 ** -1, 2 ** -x, 2 - -2, 2 + -2, 2 * -2, 2 // -2, 2 % -3, -2 % 3)
print(not x == 3, not (x == 3), (not x) == 3, not x > 5, -x < 0, ~x < 0)
print(-0 == 0, -0.0 == 0.0, str(-0.0), str(-(0.0)), str(0.0 * -1), str(-0), str(-(-0.0)))
print(-(2 ** 63) == -2 ** 63, -(-9223372036854775808), ~(-9223372036854775808), ~9223372036854775807)
print(-(10 ** 20) // 3, -10 ** 20 // 3, (-10) ** 20 // 3)

for fn, label in [(lambda: -"s", "-str"), (lambda: +[1], "+list"), (lambda: ~1.0, "~float"), (lambda: ~1j, "~complex"),
                  (lambda: -None, "-None"), (lambda: +(), "+tuple"), (lambda: ~"x", "~str"), (lambda: -{}, "-dict")]:
    try:
        print(label, fn())
    except TypeError as e:
        print(label, type(e).__name__, e)

values = [3, -1, 0, 2 ** 70, -2.5]
print([-v for v in values], [abs(-v) for v in values], [not v for v in values])
print(sorted(values, key=lambda v: -v), max(values, key=lambda v: -v))
print([~i for i in range(-3, 4)], [-i for i in range(3)], [+i for i in (True, False)])
