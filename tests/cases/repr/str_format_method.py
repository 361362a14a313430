# str.format with positional/keyword fields, indexing, conversions and specs.

print("{} {} {}".format(1, 2.5, 3j))
print("{0} {1} {0}".format("a", "b"))
print("{x} {y} {x}".format(x=1, y=[2]))
print("{0[1]} {0[0]} {1[k]} {1[k2]}".format([10, 20], {"k": "v", "k2": 5}))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{:>8} {:<8}| {:^8} {:*^8} {:08.3f}".format("r", "l", "c", "s", 3.14159))
print("{:,} {:_} {:,.3f} {:_x} {:#b}".format(10 ** 9, 10 ** 9, 1234567.891, 2 ** 32, 10))
print("{:+} {:+} {: } {: }".format(5, -5, 5, -5))
print("{:.2%} {:.0%} {:e} {:.3g}".format(0.12345, 1, 123456.0, 0.000123456))
print("{0:{1}.{2}f}|".format(3.14159, 10, 3))
print("{:{fill}{align}{width}}".format("mid", fill="-", align="^", width=11))
print("{{}} {{{}}} {{0}}".format("in"))
print("{0.real} {0.imag} {1.real}".format(3 + 4j, 2.5))
print("{:d} {:x} {:o} {:c}".format(True, 255, 8, 65))
print("{:g} {:g} {:g} {:g} {:g}".format(1e16, 1e-5, 123456789.0, 0.0001, 100.0))
print("{:10.4} {:.4} {:.4}".format(3.14159265, 1234567.0, "truncate"))
print("{} {}".format(float("nan"), float("-inf")), "{:f} {:e}".format(float("inf"), -float("inf")))
print("{:>{}}".format("x", 5), "{:<{w}}|".format("y", w=4))
print("{:=+10d} {:=10.2f}".format(42, -3.5))
print("{}".format(10 ** 40), "{:e}".format(10 ** 40), "{:,}".format(-(10 ** 20)))
print("{0!r:>10} {0!s:<10}|".format("q"))
print("{:n} {:n}".format(1234567, 1234.5))
print("{} {}".format(None, True), "{:>5}|{:<6}|".format(True, False), "{:d}".format(False))
items = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 100)]
for name, price, qty in items:
    print("{:<10}{:>8.2f}{:>5d}{:>10.2f}".format(name, price, qty, price * qty))

errors = [
    ("{} {}", (1,), {}), ("{0} {}", (1, 2), {}), ("{x}", (), {}), ("{0[5]}", ([1],), {}),
    ("{:d}", (1.5,), {}), ("{:s}", (1,), {}), ("{", (), {}), ("}", (), {}), ("{!z}", (1,), {}),
    ("{:,d}", ("a",), {}), ("{0.nope}", (1,), {}),
]
for fmt, args, kwargs in errors:
    try:
        print(fmt.format(*args, **kwargs))
    except (IndexError, KeyError, ValueError, TypeError, AttributeError) as e:
        print(repr(fmt), type(e).__name__, e)
