# printf-style % formatting of numbers and strings.

print("%d|%i|%u" % (42, -42, 7))
print("%5d|%-5d|%05d|%+d|% d|%+5d|%-+5d" % (42, 42, 42, 42, 42, -42, 42))
print("%x|%X|%#x|%#X|%o|%#o|%08x" % (255, 255, 255, 255, 8, 8, 48879))
print("%x %o" % (-255, -8))
print("%f|%.2f|%10.3f|%-10.1f|%010.2f|%+.1f|% .1f" % ((3.14159,) * 7))
print("%e|%.2e|%E|%g|%G|%.3g|%g|%g" % (12345.678, 12345.678, 0.000123, 1e-5, 1e20, 3.14159, 100000.0, 1000000.0))
print("%s|%r|%a" % ("str", "str", "é"))
print("%s %s %s %s" % (1.5, 1e16, 1j, None))
print("%r %r" % (0.1 + 0.2, [1, "a"]))
print("%c%c%c" % (72, "i", 0x1F40D))
print("100%% sure, %d%%" % 50)
print("%(name)s is %(age)d years, %(name)r" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 2, 3.14159))
print("%s" % (1, ) + "%s" % "single" + "%s" % [1, 2])
print("%d" % 3.99, "%d" % -3.99, "%i" % True, "%f" % 1, "%x" % True)
print("%d" % 10 ** 30, "%x" % 2 ** 100, "%e" % 10 ** 30, "%.3f" % (2 ** 70))
print("%f %F %e" % (float("inf"), float("-inf"), float("nan")))
print("%5s|%-5s|%.2s|%5.1s|" % ("abc", "abc", "abc", "abc"))
print("%s and %s" % ("tuple", "args"), "%s" % ((1, 2),))
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5))
print("%.15g %.17g %.16g" % (0.1, 0.1, 0.1))
print("%#g %#.3g %#.0f %#.0e" % (1.0, 1.0, 3.0, 3.0))

errors = [
    ("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%x", 1.5), ("%c", 1114112), ("%c", "ab"),
    ("%(a)s", 1), ("%", 1), ("%s %(a)s", {"a": 1}), ("%f", "1.0"), ("%d", None), ("%d", 1j),
]
for fmt, args in errors:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__, e)
