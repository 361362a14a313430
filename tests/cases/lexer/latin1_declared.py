#!/usr/bin/env python3
# -*- coding: latin-1 -*-
# The declaration on the second line makes these bytes Latin-1 text.
name = "café £"
print(name, len(name), [hex(ord(c)) for c in name])
