# A string literal missing its closing quote.
name = "world
print("hello", name)
