# Raw string literals: backslashes are kept, quotes can still be escaped.

def show(s):
    print(len(s), repr(s))

show(r"\n\t")
show(R"\n\t")
show(r'\x41\u0041\N{SNAKE}')
show(r"C:\path\to\file")
show(r"\"")
show(r'\'')
show(r"a\\b")
show(r"\\")
show(r"")
show(r"""triple
raw \n""")
show(r'''single triple \t''')
show(r"\
")
show(r"regex: \d+\.\d*(?:e[+-]?\d+)?")
show(Rb"\x00")
show(rb"\n")
show(br"\n")
show(BR"\n")
show(bR"\n")
print(r"\n" == "\\n", r"\d" == "\\d")
print(r"ab" "\n" r"\n")
show(r"ab" "\n" r"\n")
# raw strings with unicode content
show(r"é\é")
show(r"\u00e9")
print(r"\t".replace("\\", "/"))
print(len(r"\N{DEGREE SIGN}"), len("\N{DEGREE SIGN}"))
