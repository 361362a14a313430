# Indentation: different widths per block, tabs, one-line suites, semicolons,
# blank and comment-only lines at arbitrary indentation.

def two_spaces(n):
  total = 0
  for i in range(n):
    if i % 2:
      total += i
    else:
      total -= 1
  return total

def eight_spaces(n):
        result = []
        while n > 0:
                result.append(n)
                n -= 3
        return result

def tabbed(x):
	if x > 0:
		return "positive"
	elif x < 0:
		return "negative"
	return "zero"

def mixed_widths(x):
    if x:
         y = 1   # five spaces is fine, as long as it is consistent
         if y:
           z = 2
           return x + y + z
    return -1

print(two_spaces(10))
print(eight_spaces(10))
print(tabbed(3), tabbed(-3), tabbed(0))
print(mixed_widths(4), mixed_widths(0))

# one-line suites
if True: print("one-line if")
for i in range(3): print("loop", i)
while False: pass
def one_liner(a): return a * 2
print(one_liner(21))

# semicolons
a = 1; b = 2; c = a + b; print(a, b, c)
if c == 3: x = "x"; y = "y"; print(x + y)

# blank lines and comments with weird indentation inside a block
def with_gaps():
    v = 1

        # a comment indented deeper than the block

# a comment at column 0 inside a function
    v += 1
    
    v += 1   
    return v

print(with_gaps())

# deeply nested blocks closing several levels at once
def deep(n):
    if n > 0:
        if n > 1:
            if n > 2:
                if n > 3:
                    return "four+"
                return "three"
    return "small"

for k in range(6):
    print(k, deep(k))

# dedent to an intermediate level
for i in range(3):
    for j in range(3):
        if i == j:
            continue
        print(i, j, end=" ")
    print("| row", i)

# a class with nested methods
class Box:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
print(Box(7).get())

# trailing comment on the last line without newline handling
print("end")  # final comment
