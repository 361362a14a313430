# repr() and isprintable() escape exactly what CPython does not print: categories Cc, Cf, Cs,
# Co, Cn (unassigned), Zl, Zp and Zs other than the space.
for c in ["\u0378", "\u0380", "\u08ff", "\U000e0001", "\ue000", "\U000f0000", "\u2028", "\u2029", "\u3000", "\u00a0",
          "\u1680", "\u200b", "\u200d", "\u061c", "\ufeff", "\ufff9", "\ufffe", "\U0010ffff", "\U0001f40d", "\u0300",
          "é", "\u00ad", "\u0600", "\x7f", "\x85", "\u2060", "\U0001d7ce", "\uffef", "\U0002fa1d", "\U0002fa1e"]:
    print(repr(c), ascii(c), c.isprintable(), repr("a" + c + "b"))
print(repr("\u0378" * 3), "".isprintable(), " ".isprintable(), "a\u0378".isprintable())
