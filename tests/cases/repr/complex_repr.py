# repr of complex numbers with every combination of sign, zero, inf and nan parts.

inf = float("inf")
nan = float("nan")
parts = [0.0, -0.0, 1.0, -1.0, 2.5, inf, -inf, nan]
for re in parts:
    row = []
    for im in parts:
        row.append(repr(complex(re, im)))
    print(" ".join(row))

print(1 + 2j, 2j, -2j, 0j, -0j, -(0j), 0 - 0j, -0.0 - 0j, (1 - 1j), 1j * 1j, 1j ** 2)
print(1e20j, 1e16j, 1e15j, 1.5e-5j, 1e-4j, complex(1e16, 1e-5), complex(0.1, 0.2))
print((0.1 + 0.2j) * 3, (1 + 1j) / 3, (2 + 3j) * (4 - 5j), (1 + 2j) - (1 + 2j))
print(str(3 + 4j), repr(3 + 4j), str(-3 - 4j), str(complex(-0.0, 0.0)))
print(complex(3), complex(-3), complex(0, 3), complex(0, -3), complex(-0.0, 3), complex(-0.0, -3))
print([1j, -1j, 1 + 0j], (2j,), {1j: -1j})
print(abs(1j), (1j).real, (1j).imag, (-0j).real, (-0j).imag, (0j).conjugate(), (1 + 0j).conjugate())
print(complex(1, 1) * inf, inf * 1j, nan * 1j, (1 + 1j) * nan, 1j * 0.0, -1j * 0.0)
print(complex(12345678901234567, 1), complex(1e300, -1e300), complex(5e-324, 5e-324))
print(format(1 + 2j), format(1 + 2j, ".2f"), format(-1.5j, "g"), "%s" % (1 - 1j))
