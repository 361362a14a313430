# A triple-quoted string that never ends.
print("before")
text = """this starts here
and goes on
and never closes
print(text)
