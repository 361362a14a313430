# A file full of comments in every position.
#!/not/a/shebang because it is not on line 1
# -*- not a coding line either -*-

x = 1  # trailing comment
# x = 2
print(x)  # prints 1

def f():  # comment after colon
    # comment as first line of body
    return "#not a comment"  # but this is

print(f())
print("# inside string", '# single', """# triple""")
s = "a # b"  # c
print(s)
print(len("#"))

lst = [1,  # one
       2,  # two
       # three is missing
       4]
print(lst)

if x:  # comment
    pass  # nothing
    # comment at end of block
# comment at column 0 between blocks
else:
    print("never")

for i in range(2):
    # comment
    print(i)
            # comment with strange indentation
print("after loop")

def g():
    """Docstring, not a comment # really"""
    # comment
    return g.__doc__

print(g())

# a comment containing quotes ' " ''' """ and a backslash \
print("after backslash comment")

# unicode in comments: π ≈ 3.14159, 日本語, emoji 🐍
print("unicode comment ok")

val = 5 # no space before hash
val2 = 6#no space at all
print(val, val2)

# empty comment next
#
print("done")
#   last line comment
