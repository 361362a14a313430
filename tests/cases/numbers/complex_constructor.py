# complex() from numbers and strings, and its errors.

print(complex(), complex(1), complex(1.5), complex(True), complex(-0.0), complex(10 ** 20))
print(complex(1, 2), complex(1.5, -2.5), complex(0, 1), complex(-0.0, -0.0), complex(0, -0.0))
print(complex(1j), complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(1, 1j))
print(complex("1"), complex("1j"), complex("-1j"), complex("1+2j"), complex("1-2j"), complex("-1.5+0.5j"))
print(complex(" 3+4j "), complex("(3+4j)"), complex(" ( 5-6j ) "), complex("j"), complex("-j"), complex("+j"))
print(complex("1e3+1e-3j"), complex("1_0+2_0j"), complex("inf+nanj"), complex("-infj"), complex("nan"))
print(complex("1.5J"), complex(".5-.5j"), complex("0j"), complex("-0j"), complex("-0-0j"))
print(complex("1e400"), complex("1e400j"))

bad = ["", "1+", "+j1", "1+2", "1 + 2j", "1+2jj", "(1+2j", "1+2j)", "j1", "i", "1+2i", "2j+1", "((1))", "1e",
       "1+-2j", "--1"]
for s in bad:
    try:
        print(complex(s))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)

for args in [("1", 2), (1, "2"), (None,), ([1],), ("1", "2")]:
    try:
        print(complex(*args))
    except TypeError as e:
        print(type(e).__name__, e)

z = complex(3, -4)
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, z == complex("3-4j"))
print(complex(float("inf"), 0), complex(0, float("inf")), complex(float("nan"), float("nan")))
print(complex(1e308, 1e308) * 10, abs(complex(3e200, 4e200)))
try:
    print(abs(complex(1e308, 1e308)))
except OverflowError as e:
    print(type(e).__name__, e)
