# format() and f-string format specs for int, float and complex.

n = 1234567
x = 3.14159265358979
specs_int = ["", "d", "10d", "<10d", "^10d", ">10d", "010d", "+d", " d", "-d", ",", "_", "x", "X", "#x",
             "#X", "o", "#o", "b", "#b", "_b", "#010x", "e", "f", ".2f", "%", "g", "n", "=+12d", "*^15,"]
for spec in specs_int:
    print(repr(spec), repr(format(n, spec)), repr(format(-n, spec)))

specs_float = ["", "f", ".0f", ".1f", ".10f", "e", ".3e", "E", "g", ".3g", ".10g", "G", "%", ".1%",
               "10.2f", "<10.2f", "^10.2f", "010.2f", "+.2f", " .2f", ",.2f", "_.3f", "#.0f", "#g", "n",
               ".0e", "=+10.1f", "#.3g", ".2"]
for spec in specs_float:
    print(repr(spec), repr(format(x, spec)), repr(format(-x, spec)))

for v in [0.0, -0.0, 1e16, 1e-5, 123456789.0, 1.5e300, 5e-324, 100.0, 0.5, 2.5, 1e22]:
    print(format(v), format(v, "g"), format(v, ".2e"), format(v, "f")[:40], format(v, ".12g"))
for v in [float("inf"), float("-inf"), float("nan")]:
    print(format(v), format(v, "f"), format(v, "10.2f"), format(v, "E"), format(v, "%"), format(v, "+g"))
for v in [2 ** 70, -(2 ** 70)]:
    print(format(v, ","), format(v, "x"), format(v, "e"), format(v, ".3g"), format(v, "40_d"))
for z in [1 + 2j, -1.5 - 0.25j, 1e20j, complex(0, -0.0)]:
    print(format(z), format(z, ".1f"), format(z, "^30"), format(z, "e"), format(z, "g"))
print(format("text", "^10"), format("text", ">8"), format("text", ".2"), format("tëxt", "*<7"))
print(format(True, "d"), format(True, "5"), format(False, ">6"), format(None, "") if True else "")
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"))

for value, spec in [(1.5, "d"), (10, "s"), ("s", "d"), (1j, "%"), (10, ".2s"), (1, ",_"), (1, "=^")]:
    try:
        print(format(value, spec))
    except ValueError as e:
        print(type(e).__name__, e)
    except TypeError as e:
        print(type(e).__name__, e)
