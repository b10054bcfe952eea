"""Word tables for telling that two sentences tell one happening, as data.

The stemmer strips suffixes ("bombing" -> "bomb"), which cannot reach "shot" from "shoot" nor
"slaying" from "killing". Two tables close that gap, each a list that can be read and
counted: the irregular forms of common verbs, and words that name one deed in news
("shot to death", "the slaying", "the murder", "was killed" are one killing).
"""

from __future__ import annotations

# Past forms that no suffix stripping reaches, by their base form.
IRREGULAR_FORMS = {
    "arise": "arose arisen", "bear": "bore borne", "beat": "beaten", "become": "became",
    "begin": "began begun", "bind": "bound", "bite": "bit bitten", "blow": "blew blown",
    "break": "broke broken", "bring": "brought", "build": "built", "buy": "bought", "catch": "caught",
    "choose": "chose chosen", "come": "came", "dig": "dug", "draw": "drew drawn", "drive": "drove driven",
    "eat": "ate eaten", "fall": "fell fallen", "feed": "fed", "feel": "felt", "fight": "fought",
    "find": "found", "flee": "fled", "fly": "flew flown", "forbid": "forbade forbidden",
    "forget": "forgot forgotten", "freeze": "froze frozen", "give": "gave given", "go": "went gone",
    "grow": "grew grown", "hang": "hung", "hear": "heard", "hide": "hid hidden", "hold": "held",
    "keep": "kept", "know": "knew known", "lay": "laid", "lead": "led", "leave": "left", "lend": "lent",
    "lose": "lost", "make": "made", "mean": "meant", "meet": "met", "pay": "paid", "ride": "rode ridden",
    "ring": "rang rung", "rise": "rose risen", "run": "ran", "seek": "sought", "sell": "sold",
    "send": "sent", "shake": "shook shaken", "shoot": "shot", "sing": "sang sung", "sink": "sank sunk",
    "sit": "sat", "slay": "slew slain", "speak": "spoke spoken", "spend": "spent", "stand": "stood",
    "steal": "stole stolen", "stick": "stuck", "strike": "struck stricken", "swear": "swore sworn",
    "sweep": "swept", "swim": "swam swum", "take": "took taken", "teach": "taught", "tear": "tore torn",
    "think": "thought", "throw": "threw thrown", "wake": "woke woken", "wear": "wore worn",
    "win": "won", "withdraw": "withdrew withdrawn", "write": "wrote written",
}

# Words that name one deed, by the word that stands for them all. Stems, as the stemmer
# leaves them ("killing" -> "kill", "murdered" -> "murder"), besides the words themselves.
SAME_DEED = {
    "kill": "kill killing slay slaying murder assassin assassinat assassinate assassination death died dies "
            "dead shoot shooting gunned gunman",
    "bomb": "bomb bombing bomber blast explosion explode exploded",
    "arrest": "arrest detain detained detention apprehend apprehended capture captured",
    "resign": "resign resigned resignation",
}

LEMMAS: dict[str, str] = {form: base for base, forms in IRREGULAR_FORMS.items() for form in forms.split()}
DEED_OF: dict[str, str] = {word: deed for deed, words in SAME_DEED.items() for word in words.split()}
