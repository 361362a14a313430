# repr of strings: quote choice, escapes, control characters, unicode.

strings = [
    "", "a", "hello world", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there",
    "new\nline", "cr\rret", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xad\xff", "é", "ñandú", "日本語", "🐍",
    "\u200b", "\u2028", "\ufeff", "\U0001F600 smile", "\u0085",
    "\x0b\x0c", "\a\b", "'", '"', "''", "'\"", "\\'", "\\", "\u0300", "a\u0301", "\u00a0nbsp",
    "\N{ZERO WIDTH JOINER}", "Ω≈ç√∫", "\U000e0001",
]
for s in strings:
    print(repr(s), len(s))

print(str("quoted 'inside'"), str('x\ty'))
print(["a", "b'c", 'd"e', "\n"], ("é",), {"k\t": "v\\"})
print(repr(repr("x")), repr(repr("it's")), repr(str(1.5)))
print(ascii("é日本🐍\n"), ascii("plain"), ascii(["ü"]))
print("%r %s %a" % ("é'", "é'", "é'"))
print(f"{'tab	char'!r} {'é'!a}")
print(repr("a" * 3 + "\x1b[0m"), repr(chr(127)), repr(chr(160)), repr(chr(173)), repr(chr(0x3000)))
print([repr(chr(i)) for i in range(0, 32, 3)])
print([repr(chr(i)) for i in range(0x7f, 0xa5, 6)])
print(repr("\x85"), repr("\u1680"), repr("\u00ad"), repr("\u0378"), repr("\U0010ffff"), repr("\ue000"))
print("multi\nline\tstring")
print(str(None), repr(None))
s = "x" * 5 + "'" * 2 + '"'
print(repr(s))
print(repr("".join(chr(c) for c in range(0x20, 0x7f))))
