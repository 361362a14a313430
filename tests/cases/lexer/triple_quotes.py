"""Module docstring: triple-quoted strings in all their forms."""

print(__doc__)

a = """line one
line two
line three"""
print(a)
print(len(a), a.count("\n"))

b = '''single-quote triple
with "double" and 'single' quotes inside'''
print(b)

c = """ends with a quote\""""
print(c)

d = """contains "" two and \""" three escaped quotes"""
print(d)

e = '''it's "fine"'''
print(e)

f = """\
no leading newline because of backslash\
 and no newline here either
"""
print(repr(f))

g = """
    indented
        more
    back
"""
print(repr(g))

h = """tab\there, newline escape\\n, real escape\n end"""
print(h)

i = """"""
print(repr(i), len(i))

j = '''''' + """x"""
print(repr(j))

def func():
    """Function docstring.

    With a blank line and indentation.
    """
    return 1

print(repr(func.__doc__))

def no_doc():
    x = """not a docstring because it is not first"""
    return x
no_doc_value = no_doc()
print(no_doc.__doc__, no_doc_value)

def sq():
    '''single quoted docstring'''
print(sq.__doc__)

k = """unicode: π ≈ 3.14
emoji: 🐍
"""
print(k, end="")
print(len(k))

m = """a""" """b""" '''c'''
print(m)

n = f"""f-string triple {1 + 1}
second line {'x' * 3}"""
print(n)

r = r"""raw triple \n stays"""
print(r)

long_text = """Lorem ipsum dolor sit amet,
consectetur adipiscing elit."""
print(long_text.split())
print(long_text.splitlines())
