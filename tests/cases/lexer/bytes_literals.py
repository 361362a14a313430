# bytes literals: prefixes, escapes, repr, indexing, concatenation.

def show(b):
    print(len(b), repr(b), list(b))

show(b"abc")
show(B"abc")
show(b'single')
show(b"")
show(b"\x00\x01\x7f\x80\xff")
show(b"\n\t\r\\\'\"")
show(b"\a\b\f\v")
show(b"\101\102\7\377")
show(b"\u00e9")
show(b"\N{SNAKE}")
show(b"""triple
quoted""")
show(b'''it's''')
show(b"quote ' inside")
show(b'quote " inside')
show(b"both ' and \" inside")
show(b"\
x")
show(b"ab" b"cd")
show(b"ab"
     b"cd")
show(rb"\x00")
b = b"hello"
print(b[0], b[-1], b[1:3], b[::-1])
print(b + b" world")
print(b * 2)
print(b == b"hello", b == "hello")
print(b"l" in b, 108 in b, b"xyz" in b)
print(len(b""), bool(b""), bool(b"\x00"))
print(b"abc" < b"abd", b"ab" < b"abc", b"\xff" > b"\x00")
print(repr(b"\x7f"), repr(b"\x1f"), repr(b"~"))
print(b.upper(), b.split(b"l"))
