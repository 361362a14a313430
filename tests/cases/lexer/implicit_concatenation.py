# Adjacent string literals are joined at compile time.

s = "abc" "def"
print(s)
s = 'single' "double" '''triple''' """triple2"""
print(s)
s = ("first line, "
     "second line, "
     "third line")
print(s)
s = "tab\t" r"raw\t" "tab\t"
print(repr(s))
x = 42
s = "value: " f"{x}" " units"
print(s)
s = f"{x}" f"{x + 1}" "{not formatted}"
print(s)
s = "" "" ""
print(repr(s), len(s))
s = "a" \
    "b" \
    "c"
print(s)
print("no" "space" "between")
print("list", ["a" "b", "c" "d"])
print(len("abc" "def"))
print(("x" "y") * 3)
d = {"key" "1": "val" "ue"}
print(d)
def f():
    "doc" "string"
    return 0
print(f.__doc__)
s = ("é" "日本"
     "🐍")
print(s, len(s))
s = ("percent: " "%d%%" % 5)
print(s)
s = "{} and " "{}".format(1, 2)
print(s)
b = b"by" b"tes"
print(b)
t = ("not", "concatenated")
print(t)
t = ("con" "catenated",)
print(t)
s = ("multi"
     # a comment between the pieces
     "part")
print(s)
