# More LOAD_GLOBAL sites in one function than its 8-bit cache index can name: every site
# must still read its own global, also after the globals change.

g0 = 0
g1 = 1
g2 = 2
g3 = 3
g4 = 4
g5 = 5
g6 = 6
g7 = 7
g8 = 8
g9 = 9
g10 = 10
g11 = 11
g12 = 12
g13 = 13
g14 = 14
g15 = 15
g16 = 16
g17 = 17
g18 = 18
g19 = 19
g20 = 20
g21 = 21
g22 = 22
g23 = 23
g24 = 24
g25 = 25
g26 = 26
g27 = 27
g28 = 28
g29 = 29
g30 = 30
g31 = 31
g32 = 32
g33 = 33
g34 = 34
g35 = 35
g36 = 36
g37 = 37
g38 = 38
g39 = 39
g40 = 40
g41 = 41
g42 = 42
g43 = 43
g44 = 44
g45 = 45
g46 = 46
g47 = 47
g48 = 48
g49 = 49
g50 = 50
g51 = 51
g52 = 52
g53 = 53
g54 = 54
g55 = 55
g56 = 56
g57 = 57
g58 = 58
g59 = 59
g60 = 60
g61 = 61
g62 = 62
g63 = 63
g64 = 64
g65 = 65
g66 = 66
g67 = 67
g68 = 68
g69 = 69
g70 = 70
g71 = 71
g72 = 72
g73 = 73
g74 = 74
g75 = 75
g76 = 76
g77 = 77
g78 = 78
g79 = 79
g80 = 80
g81 = 81
g82 = 82
g83 = 83
g84 = 84
g85 = 85
g86 = 86
g87 = 87
g88 = 88
g89 = 89
g90 = 90
g91 = 91
g92 = 92
g93 = 93
g94 = 94
g95 = 95
g96 = 96
g97 = 97
g98 = 98
g99 = 99
g100 = 100
g101 = 101
g102 = 102
g103 = 103
g104 = 104
g105 = 105
g106 = 106
g107 = 107
g108 = 108
g109 = 109
g110 = 110
g111 = 111
g112 = 112
g113 = 113
g114 = 114
g115 = 115
g116 = 116
g117 = 117
g118 = 118
g119 = 119
g120 = 120
g121 = 121
g122 = 122
g123 = 123
g124 = 124
g125 = 125
g126 = 126
g127 = 127
g128 = 128
g129 = 129
g130 = 130
g131 = 131
g132 = 132
g133 = 133
g134 = 134
g135 = 135
g136 = 136
g137 = 137
g138 = 138
g139 = 139
g140 = 140
g141 = 141
g142 = 142
g143 = 143
g144 = 144
g145 = 145
g146 = 146
g147 = 147
g148 = 148
g149 = 149
g150 = 150
g151 = 151
g152 = 152
g153 = 153
g154 = 154
g155 = 155
g156 = 156
g157 = 157
g158 = 158
g159 = 159
g160 = 160
g161 = 161
g162 = 162
g163 = 163
g164 = 164
g165 = 165
g166 = 166
g167 = 167
g168 = 168
g169 = 169
g170 = 170
g171 = 171
g172 = 172
g173 = 173
g174 = 174
g175 = 175
g176 = 176
g177 = 177
g178 = 178
g179 = 179
g180 = 180
g181 = 181
g182 = 182
g183 = 183
g184 = 184
g185 = 185
g186 = 186
g187 = 187
g188 = 188
g189 = 189
g190 = 190
g191 = 191
g192 = 192
g193 = 193
g194 = 194
g195 = 195
g196 = 196
g197 = 197
g198 = 198
g199 = 199
g200 = 200
g201 = 201
g202 = 202
g203 = 203
g204 = 204
g205 = 205
g206 = 206
g207 = 207
g208 = 208
g209 = 209
g210 = 210
g211 = 211
g212 = 212
g213 = 213
g214 = 214
g215 = 215
g216 = 216
g217 = 217
g218 = 218
g219 = 219
g220 = 220
g221 = 221
g222 = 222
g223 = 223
g224 = 224
g225 = 225
g226 = 226
g227 = 227
g228 = 228
g229 = 229
g230 = 230
g231 = 231
g232 = 232
g233 = 233
g234 = 234
g235 = 235
g236 = 236
g237 = 237
g238 = 238
g239 = 239
g240 = 240
g241 = 241
g242 = 242
g243 = 243
g244 = 244
g245 = 245
g246 = 246
g247 = 247
g248 = 248
g249 = 249
g250 = 250
g251 = 251
g252 = 252
g253 = 253
g254 = 254
g255 = 255
g256 = 256
g257 = 257
g258 = 258
g259 = 259
g260 = 260
g261 = 261
g262 = 262
g263 = 263
g264 = 264
g265 = 265
g266 = 266
g267 = 267
g268 = 268
g269 = 269
g270 = 270
g271 = 271
g272 = 272
g273 = 273
g274 = 274
g275 = 275
g276 = 276
g277 = 277
g278 = 278
g279 = 279
g280 = 280
g281 = 281
g282 = 282
g283 = 283
g284 = 284
g285 = 285
g286 = 286
g287 = 287
g288 = 288
g289 = 289
g290 = 290
g291 = 291
g292 = 292
g293 = 293
g294 = 294
g295 = 295
g296 = 296
g297 = 297
g298 = 298
g299 = 299


def total():
    out = []
    out.append(g0)
    out.append(g1)
    out.append(g2)
    out.append(g3)
    out.append(g4)
    out.append(g5)
    out.append(g6)
    out.append(g7)
    out.append(g8)
    out.append(g9)
    out.append(g10)
    out.append(g11)
    out.append(g12)
    out.append(g13)
    out.append(g14)
    out.append(g15)
    out.append(g16)
    out.append(g17)
    out.append(g18)
    out.append(g19)
    out.append(g20)
    out.append(g21)
    out.append(g22)
    out.append(g23)
    out.append(g24)
    out.append(g25)
    out.append(g26)
    out.append(g27)
    out.append(g28)
    out.append(g29)
    out.append(g30)
    out.append(g31)
    out.append(g32)
    out.append(g33)
    out.append(g34)
    out.append(g35)
    out.append(g36)
    out.append(g37)
    out.append(g38)
    out.append(g39)
    out.append(g40)
    out.append(g41)
    out.append(g42)
    out.append(g43)
    out.append(g44)
    out.append(g45)
    out.append(g46)
    out.append(g47)
    out.append(g48)
    out.append(g49)
    out.append(g50)
    out.append(g51)
    out.append(g52)
    out.append(g53)
    out.append(g54)
    out.append(g55)
    out.append(g56)
    out.append(g57)
    out.append(g58)
    out.append(g59)
    out.append(g60)
    out.append(g61)
    out.append(g62)
    out.append(g63)
    out.append(g64)
    out.append(g65)
    out.append(g66)
    out.append(g67)
    out.append(g68)
    out.append(g69)
    out.append(g70)
    out.append(g71)
    out.append(g72)
    out.append(g73)
    out.append(g74)
    out.append(g75)
    out.append(g76)
    out.append(g77)
    out.append(g78)
    out.append(g79)
    out.append(g80)
    out.append(g81)
    out.append(g82)
    out.append(g83)
    out.append(g84)
    out.append(g85)
    out.append(g86)
    out.append(g87)
    out.append(g88)
    out.append(g89)
    out.append(g90)
    out.append(g91)
    out.append(g92)
    out.append(g93)
    out.append(g94)
    out.append(g95)
    out.append(g96)
    out.append(g97)
    out.append(g98)
    out.append(g99)
    out.append(g100)
    out.append(g101)
    out.append(g102)
    out.append(g103)
    out.append(g104)
    out.append(g105)
    out.append(g106)
    out.append(g107)
    out.append(g108)
    out.append(g109)
    out.append(g110)
    out.append(g111)
    out.append(g112)
    out.append(g113)
    out.append(g114)
    out.append(g115)
    out.append(g116)
    out.append(g117)
    out.append(g118)
    out.append(g119)
    out.append(g120)
    out.append(g121)
    out.append(g122)
    out.append(g123)
    out.append(g124)
    out.append(g125)
    out.append(g126)
    out.append(g127)
    out.append(g128)
    out.append(g129)
    out.append(g130)
    out.append(g131)
    out.append(g132)
    out.append(g133)
    out.append(g134)
    out.append(g135)
    out.append(g136)
    out.append(g137)
    out.append(g138)
    out.append(g139)
    out.append(g140)
    out.append(g141)
    out.append(g142)
    out.append(g143)
    out.append(g144)
    out.append(g145)
    out.append(g146)
    out.append(g147)
    out.append(g148)
    out.append(g149)
    out.append(g150)
    out.append(g151)
    out.append(g152)
    out.append(g153)
    out.append(g154)
    out.append(g155)
    out.append(g156)
    out.append(g157)
    out.append(g158)
    out.append(g159)
    out.append(g160)
    out.append(g161)
    out.append(g162)
    out.append(g163)
    out.append(g164)
    out.append(g165)
    out.append(g166)
    out.append(g167)
    out.append(g168)
    out.append(g169)
    out.append(g170)
    out.append(g171)
    out.append(g172)
    out.append(g173)
    out.append(g174)
    out.append(g175)
    out.append(g176)
    out.append(g177)
    out.append(g178)
    out.append(g179)
    out.append(g180)
    out.append(g181)
    out.append(g182)
    out.append(g183)
    out.append(g184)
    out.append(g185)
    out.append(g186)
    out.append(g187)
    out.append(g188)
    out.append(g189)
    out.append(g190)
    out.append(g191)
    out.append(g192)
    out.append(g193)
    out.append(g194)
    out.append(g195)
    out.append(g196)
    out.append(g197)
    out.append(g198)
    out.append(g199)
    out.append(g200)
    out.append(g201)
    out.append(g202)
    out.append(g203)
    out.append(g204)
    out.append(g205)
    out.append(g206)
    out.append(g207)
    out.append(g208)
    out.append(g209)
    out.append(g210)
    out.append(g211)
    out.append(g212)
    out.append(g213)
    out.append(g214)
    out.append(g215)
    out.append(g216)
    out.append(g217)
    out.append(g218)
    out.append(g219)
    out.append(g220)
    out.append(g221)
    out.append(g222)
    out.append(g223)
    out.append(g224)
    out.append(g225)
    out.append(g226)
    out.append(g227)
    out.append(g228)
    out.append(g229)
    out.append(g230)
    out.append(g231)
    out.append(g232)
    out.append(g233)
    out.append(g234)
    out.append(g235)
    out.append(g236)
    out.append(g237)
    out.append(g238)
    out.append(g239)
    out.append(g240)
    out.append(g241)
    out.append(g242)
    out.append(g243)
    out.append(g244)
    out.append(g245)
    out.append(g246)
    out.append(g247)
    out.append(g248)
    out.append(g249)
    out.append(g250)
    out.append(g251)
    out.append(g252)
    out.append(g253)
    out.append(g254)
    out.append(g255)
    out.append(g256)
    out.append(g257)
    out.append(g258)
    out.append(g259)
    out.append(g260)
    out.append(g261)
    out.append(g262)
    out.append(g263)
    out.append(g264)
    out.append(g265)
    out.append(g266)
    out.append(g267)
    out.append(g268)
    out.append(g269)
    out.append(g270)
    out.append(g271)
    out.append(g272)
    out.append(g273)
    out.append(g274)
    out.append(g275)
    out.append(g276)
    out.append(g277)
    out.append(g278)
    out.append(g279)
    out.append(g280)
    out.append(g281)
    out.append(g282)
    out.append(g283)
    out.append(g284)
    out.append(g285)
    out.append(g286)
    out.append(g287)
    out.append(g288)
    out.append(g289)
    out.append(g290)
    out.append(g291)
    out.append(g292)
    out.append(g293)
    out.append(g294)
    out.append(g295)
    out.append(g296)
    out.append(g297)
    out.append(g298)
    out.append(g299)
    return out


first = total()
print(sum(first), first[250:260])
for i in range(250, 300):
    globals()[f'g{i}'] = -i
second = total()
print(sum(second), second[250:260], second[-3:])
