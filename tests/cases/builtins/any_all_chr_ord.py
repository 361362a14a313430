# any / all (including short-circuiting) and chr / ord (ASCII, unicode, errors).

print(any([]), all([]))
print(any([0, 0.0, "", None]), all([1, "a", [0], 0.1]))
print(any([0, 1]), all([1, 0]))
print(any("abc"), all(""), any(range(0)), all(range(1, 5)), all(range(0, 5)))
print(any([[], (), {}]), all([[0], (0,), {0: 0}]))
print(any(x > 10 for x in [1, 5, 11]), all(x > 0 for x in [1, 5, -11]))
print(any(x % 7 == 0 for x in range(1, 7)), all(isinstance(x, int) for x in [1, True, 10**50]))

# short-circuit: stops at the first decisive element
def noisy(values):
    for v in values:
        print("  yield", v)
        yield v

print("any ->", any(noisy([0, 2, 3])))
print("all ->", all(noisy([1, 0, 3])))

# returns bool, not the element
print(repr(any([0, "x"])), repr(all([1, "x"])))
try:
    any(5)
except TypeError as e:
    print(type(e).__name__, e)

# ord / chr
for ch in ["a", "A", "0", " ", "\n", "~", "\x00", "é", "€", "✓", "日", "😀"]:
    print(repr(ch), ord(ch))
for code in [65, 97, 48, 32, 10, 127, 233, 8364, 0x1F600, 0x10FFFF]:
    print(code, repr(chr(code)))
print(chr(ord("a") + 1), ord(chr(1000)) == 1000)
print("".join(chr(c) for c in range(ord("a"), ord("z") + 1)))
print([ord(c) - ord("0") for c in "2024"])

# caesar cipher with chr/ord
def caesar(text, shift):
    out = ""
    for c in text:
        if "a" <= c <= "z":
            out += chr((ord(c) - ord("a") + shift) % 26 + ord("a"))
        elif "A" <= c <= "Z":
            out += chr((ord(c) - ord("A") + shift) % 26 + ord("A"))
        else:
            out += c
    return out

msg = caesar("Hello, World!", 3)
print(msg, caesar(msg, -3), caesar("xyz", 29))

for bad in ["", "ab", 5]:
    try:
        ord(bad)
    except TypeError as e:
        print(type(e).__name__, e)
for bad in [-1, 0x110000]:
    try:
        chr(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    chr("a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(65.0)
except TypeError as e:
    print(type(e).__name__, e)
