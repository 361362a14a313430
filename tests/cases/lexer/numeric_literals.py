# Numeric literal forms: decimal, underscores, hex/octal/binary, floats, exponents, imaginary.

print(0, 00, 0_0, 7, 1_000_000, 123_456_789_012_345_678_901_234_567_890)
print(0x0, 0xff, 0XFF, 0xDead_Beef, 0x_1f, 0xffffffffffffffffffffffff)
print(0o0, 0o17, 0O777, 0o_7_7, 0o1234567012345670123)
print(0b0, 0b1, 0B1010, 0b_1111_0000, 0b1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000)
print(type(0xff).__name__, type(0o7).__name__, type(0b1).__name__)

# floats
print(1.0, 1., .5, 0.5, 00.5, 1_0.0_1, 3.14_15)
print(1e3, 1E3, 1e+3, 1e-3, 1.5e10, 2.5E-10, 1_0e1_0)
print(1e308, 1e309, 1e-323, 1e-400, 0e0, 0.0e-5)
print(.0, 0., 1e0, 9.999999999999999e22)
print(123456789012345678901234567890.0)
print(0.1, 0.2, 0.3, 1/3)
print(type(1.).__name__, type(1e5).__name__)

# imaginary
print(2j, 2J, 0j, 1.5j, .5j, 1e3j, 1_0j, 1e-2j, 00j, 09j, 0.0j)
print(1 + 2j, 3 - 4j, -5j, -(5j), 1e309j)
print(type(2j).__name__, (2j).real, (2j).imag)

# leading zeros in decimal floats/imaginaries are fine
print(007.5, 0009e1, 010j)

# negative literals are unary minus applied to a literal
print(-0, -0.0, -0x10, -0b1, -0o10, -1e-5, -(1e400))
print(-2 ** 2, (-2) ** 2)

# attribute access on literals
print(1 .bit_length(), (255).bit_length(), 1.5.is_integer(), 0x10.real)
print(3.0.as_integer_ratio() if hasattr(3.0, "as_integer_ratio") else None)

# integers beyond 64 bits
big = 18446744073709551616
print(big, big - 1, -big, big * big)
print(0x1_0000_0000_0000_0000 == big, 0b1 << 64 == big)
print(99999999999999999999999999999999999999 + 1)

# int vs float equality of literals
print(1 == 1.0, 0x10 == 16.0, 1e2 == 100, 0b11 == 3j.imag)
