# str.find/rfind/index/rindex/count/startswith/endswith with start and end arguments:
# negative indices, out-of-range bounds, empty substrings, and start > end.

s = "abcabcab"
print(len(s))
for args in [("b",), ("b", 2), ("b", -3), ("b", 2, 4), ("b", 2, 5), ("b", -100), ("b", 100),
             ("b", 5, 2), ("", 0), ("", 8), ("", 9), ("", 100), ("", -2), ("", 4, 2), ("cab", 1, -1),
             ("abcabcab",), ("abcabcabc",), ("x",)]:
    print("find", args, s.find(*args), "rfind", s.rfind(*args), "count", s.count(*args))

for args in [("ab",), ("ab", 3), ("ab", -2), ("ab", 1, 3), ("", 8), ("", 9), ("c", -6, -4), ("abc", 0, 2)]:
    print("startswith", args, s.startswith(*args), "endswith", s.endswith(*args))

print(s.startswith(("x", "bc"), 1), s.endswith(("ca", "cab"), 0, 7), s.startswith(()), s.endswith(("",)))

for args in [("c",), ("c", 3), ("c", -1), ("", 8), ("", 9)]:
    try:
        print("index", args, s.index(*args), "rindex", s.rindex(*args))
    except ValueError as e:
        print("index", args, type(e).__name__, e)

# empty string as the receiver
e = ""
print(e.find(""), e.find("", 1), e.rfind(""), e.count(""), e.count("", 1), e.startswith(""), e.startswith("", 1))
print(e.find("a"), e.endswith(""), e.endswith("", 0, 0))

# unicode strings index by code point
u = "naïve café ✓ naïve"
print(u.find("ï"), u.rfind("ï"), u.count("naïve"), u.find("✓", 5, 13), u.index("é"), u.rfind("", 3))

# counting non-overlapping occurrences
print("aaaaa".count("aa"), "aaaaa".count("aa", 1), "abababa".count("aba"), "".count("a"))

# None as a bound means "no bound"
print(s.find("b", None, None), s.count("a", None, 4), s.startswith("ca", 2, None))

# errors
try:
    s.find(1)
except TypeError as err:
    print(type(err).__name__, err)
try:
    s.startswith(["a"])
except TypeError as err:
    print(type(err).__name__, err)
try:
    s.count()
except TypeError as err:
    print(type(err).__name__, err)
