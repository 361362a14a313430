# bytes methods: search with ranges, split/strip on ASCII whitespace, join, replace, padding,
# hex/fromhex, translate, and the UTF-8 / ASCII / Latin-1 codecs with their errors.
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" Hd"), b.upper(), b.lower(), b.swapcase())
print(b.split(), b.split(b","), b.split(None, 1), b.rsplit(None, 1), b"a\x1cb".split(), b"a,b,,c".split(b",", 2))
print(b"abcabc".find(b"c"), b"abcabc".rfind(b"c"), b"abcabc".find(99, 3), b"abcabc".count(b"bc"), b"abc".count(b""))
print(b"abc".find(b"", 5), b"abc".startswith(b"b", 1), b"abc".endswith((b"x", b"bc")), b"abc".index(b"c", -1))
print(b"-".join([b"a", b"b", b"c"]), b"".join([]), b"x".replace(b"", b"-"), b"aaa".replace(b"a", b"bb", 2))
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"-5".zfill(4), b"a\tb".expandtabs(4))
print(b"hello world".title(), b"HELLO".capitalize(), b"abc".partition(b"b"), b"abc".rpartition(b"x"))
print(b"abc".removeprefix(b"a"), b"abc".removesuffix(b"bc"), b"a\nb\r\nc".splitlines(), b"a\nb".splitlines(True))
print(b"12".isdigit(), b"ab1".isalnum(), b"ab".isalpha(), b" \t".isspace(), b"Ab Cd".istitle(), b"\x80".isascii(), b"".isdigit())
print(b"\x01\xab\xcd".hex(), b"\x01\xab\xcd".hex(":"), b"\x01\xab\xcd".hex("-", 2), b"\x01\xab\xcd".hex(" ", -2))
print(bytes.fromhex("01 ab cd"), bytes.fromhex(""), b"hello".translate(bytes.maketrans(b"el", b"ip")), b"hello".translate(None, b"l"))
print("é€".encode(), "é".encode("latin-1"), "a€".encode("ascii", "replace"), "a€b".encode("ascii", "ignore"))
print(b"\xc3\xa9".decode(), b"\xe9".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("ascii", "ignore"))
print(str(b"\xc3\xa9", "utf-8"), bytes("é", "utf-8"), str(b"abc", encoding="ascii"))

tests = [
    lambda: b"\xff".decode(), lambda: b"a\xe2\x82".decode(), lambda: b"\xe2\x28\xa1".decode(),
    lambda: b"\xe2\x82\x28".decode(), lambda: b"\xe9".decode("ascii"), lambda: "é€".encode("ascii"),
    lambda: "a€".encode("latin-1"), lambda: "x".encode("nope"), lambda: b"\xff".decode("utf-8", "nope"),
    lambda: bytes.fromhex("0g"), lambda: bytes.fromhex("1"), lambda: b"a".strip("a"), lambda: b"a".join(["a"]),
    lambda: b"a".join(5), lambda: b"a".count(300), lambda: b"a".find("a"), lambda: b"a".startswith("a"),
    lambda: b"abc".index(b"x"), lambda: b"a".split(b""), lambda: bytes("a"), lambda: b"a".hex("::"),
    lambda: b"a".upper(1), lambda: b"a".find(), lambda: b"a".replace(b"a"), lambda: b"a".decode(1),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
