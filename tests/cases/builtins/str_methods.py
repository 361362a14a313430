# Common str methods: split, join, strip, replace, find, startswith, upper, format, count,
# center/ljust/rjust/zfill, and friends.

s = "  Hello, World! Hello!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("abcba".strip("ab")), repr("".strip()), repr("\t\n x \r\n".strip()))

# split
print("a,b,,c".split(","), "a b  c".split(), "  lead and trail  ".split())
print("a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "".split(","), "".split())
print("one two three".split(" ", 0), "x".split("x"), "aXbXc".split("X", -1))
print("line1\nline2\r\nline3\n".splitlines(), "no newline".splitlines(), "".splitlines())
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)

# join
print("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join([]), " ".join(("only",)))
print("\n".join(["first", "second"]))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(type(e).__name__, e)

# replace
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "banana".replace("x", "y"))
print("aaa".replace("a", "aa"), "abc".replace("", "-"), "hello".replace("l", ""))

# find / index / rfind / count
t = "mississippi"
print(t.find("ss"), t.find("ss", 3), t.find("zz"), t.rfind("ss"), t.find(""), t.find("i", -3))
print(t.index("p"), t.rindex("s"), t.count("s"), t.count("ss"), t.count(""), t.count("i", 2, 8))
try:
    t.index("z")
except ValueError as e:
    print(type(e).__name__, e)

# startswith / endswith
print(t.startswith("miss"), t.startswith("iss", 1), t.endswith("pi"), t.endswith(("x", "ppi")))
print("".startswith(""), "abc".startswith(("b", "a")), "abc".endswith(""))

# case
u = "hEllo wOrld ß straße"
print(u.upper(), u.lower(), u.capitalize(), u.title(), u.swapcase())
print("ABC".isupper(), "abc".islower(), "Title Case".istitle(), "".isupper())

# predicates
for v in ["123", "12.3", "", "abc", "abc123", "   ", "٣", "Ab"]:
    print(repr(v), v.isdigit(), v.isalpha(), v.isalnum(), v.isspace(), v.isnumeric())

# padding
print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("abc".center(2)), repr("a".center(4, "-")))
print(repr("ab".ljust(5)), repr("ab".rjust(5, ".")), repr("long".ljust(2)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))

# format
print("{} and {}".format("spam", "eggs"))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=31))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:08.3f} {:+d} {:,} {:x} {:o} {:b} {:e}".format(3.14159, 5, 1234567, 255, 8, 5, 12345.678))
print("{:.2%} {:10.4f} {!r} {:*^9}".format(0.256, -2.5, "q", "mid"))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
print("{{literal}} {}".format(1))
try:
    "{} {}".format(1)
except IndexError as e:
    print(type(e).__name__, e)

# partition and misc
print("key=value=x".partition("="), "novalue".partition("="), "a.b.c".rpartition("."))
print("tab\tsep".expandtabs(4), repr("x".join("")), "abc" * 3, "-" * 0)
print("Hello"[::-1], "Hello"[1:4], len("héllo"), "é" in "héllo")
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"))
