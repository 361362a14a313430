# int(), float() and complex() accept Unicode decimal digits and whitespace; float.fromhex
# rounds half to even; complex() argument errors.
for s in ["٣", "１２", "-٤٢", "\u00851\u2003", "1\u3000", "١٢_٣", "𝟎1", "١.٥e٣", " 1_0 ", "inf\u3000", "-٣j", "(١+٢j)", "\x1c1", "1é", "0x１"]:
    out = []
    for f in (int, float, complex):
        try:
            out.append(f(s))
        except ValueError as e:
            out.append("ValueError: " + str(e))
    print(ascii(s), out)

for h in ["0x1.8p1", "-0x1p-2", " 0X.8 ", "0x1p-1074", "0x1p-1075", "0x3p-1075", "0x1.fffffffffffff8p1023",
          "0x1.fffffffffffff7p1023", "1", "0x", "0x1p", "0x.p1", "inf", "-Infinity", "nan", "0x1p99999999999999999999"]:
    try:
        print(h, float.fromhex(h))
    except (ValueError, OverflowError) as e:
        print(h, type(e).__name__, e)
for x in [0.0, -0.0, 1.5, 0.1, 5e-324, 1e308, -2.5, 2.0 ** -1022, 2.0 ** -1023]:
    print(x.hex(), float.fromhex(x.hex()) == x)
class F(float):
    pass
print(type(F.fromhex("0x1p0")).__name__, (1.0).fromhex("0x2p0"))

class C:
    def __complex__(self):
        return 5
class CC:
    def __complex__(self):
        return 1 + 2j
class FF:
    def __float__(self):
        return 2.5
for args in [(None,), ([],), (1, None), ("1", 2), (1, "2"), (C(),), (CC(),), (FF(), CC()), (CC(), 1), (1j, 1j), (b"1",), (2, FF())]:
    try:
        print(complex(*args))
    except TypeError as e:
        print("TypeError", e)
