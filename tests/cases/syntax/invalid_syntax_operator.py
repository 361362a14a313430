# Two binary operators in a row.
a = 1
b = 2
c = a + * b
print(c)
