# Case mappings and character classes follow Unicode as CPython does: titlecase and full
# case mappings, final sigma, casefold, Python's whitespace, and the is* predicates.
words = ["ß", "straße", "ﬁx ﬂow", "ǆemal", "ǈubljana", "ŉ", "ΣΑΣ ΟΔΟΣ", "İstanbul", "ﬀ", "hello wORLD", "o'neil 3rd", "ᾳ"]
for w in words:
    print(repr(w), [w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold()])

print("Σ".lower(), "ΑΣ".lower(), "ΑΣ.".lower(), "ΑΣ'Α".lower(), "Σ ".lower(), "aΣb".lower())
print("ǅ".istitle(), "ǅ".isupper(), "ǅ".islower(), "Ǆ".isupper(), "ǆ".islower(), "ᾼ".istitle())
print("Hello World".istitle(), "Hello world".istitle(), "ΣΑΣ".isupper(), "ß".islower(), "ʰ".islower())

chars = ["٣", "³", "①", "½", "Ⅻ", "一", "𝟘", "a", "Ⅰ", "ª", "ǅ", "\u0345", "_", "\u00a0", "\u2003", "\x1c", "\x85", "\u200b", "\u180e", "\u0378", "\ue000"]
for c in chars:
    print(ascii(c), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalpha(), c.isalnum(), c.isspace(), c.isprintable(), c.isidentifier())

print("a\x1cb\x1dc\x1ed\x1fe\u3000f".split(), "\x1c a \x1f".strip(), "a\u2028b".split())
print("  x\u00a0y ".split(None, 1), "\u2003a\u2003b\u2003".rsplit(maxsplit=1), "x\x1c".rstrip())
print("ǆ1".isidentifier(), "1a".isidentifier(), "a·b".isidentifier(), "℘x".isidentifier(), "".isidentifier())
print("".title(), "".capitalize(), "123abc".capitalize(), "a1b2".title(), "ÉCOLE élève".title())
