#!/usr/bin/env python3
"""Writes data/resolution/balkan-pairs.csv: labelled Western Balkan record pairs for resolution (issue 18).

Labels come from construction: a positive pair is one invented person written by two agencies (two renderings,
birth-date noise), a negative pair is two invented people (namesakes, fathers and sons, siblings, near surnames,
feminine forms). Renderings are written here in Python, independently of src/resolution (its tables are not read).
Persons alternate between the `tune` and the `holdout` split; the scorer was tuned on `tune` only.

    python3 data/resolution/make-balkan-pairs.py > data/resolution/balkan-pairs.csv
"""
import csv
import random
import sys
import unicodedata

rng = random.Random(18)

SR_CYR = {'a': 'а', 'b': 'б', 'v': 'в', 'g': 'г', 'd': 'д', 'đ': 'ђ', 'e': 'е', 'ž': 'ж', 'z': 'з', 'i': 'и', 'j': 'ј',
          'k': 'к', 'l': 'л', 'm': 'м', 'n': 'н', 'o': 'о', 'p': 'п', 'r': 'р', 's': 'с', 't': 'т', 'ć': 'ћ', 'u': 'у',
          'f': 'ф', 'h': 'х', 'c': 'ц', 'č': 'ч', 'š': 'ш'}
SR_DIGRAPH = {'lj': 'љ', 'nj': 'њ', 'dž': 'џ'}


def cap(word):
    return word[:1].upper() + word[1:]


def sr_to_cyrillic(name):
    out = []
    for word in name.split(' '):
        w = word.lower()
        res = ''
        i = 0
        while i < len(w):
            if w[i:i + 2] in SR_DIGRAPH:
                res += SR_DIGRAPH[w[i:i + 2]]
                i += 2
            else:
                res += SR_CYR.get(w[i], w[i])
                i += 1
        out.append(cap(res))
    return ' '.join(out)


def strip(text):
    text = text.replace('đ', 'd').replace('Đ', 'D')
    return ''.join(c for c in unicodedata.normalize('NFD', text) if unicodedata.category(c) != 'Mn')


def fold_dj(name):
    table = {'đ': 'dj', 'Đ': 'Dj', 'ć': 'c', 'Ć': 'C', 'č': 'c', 'Č': 'C', 'š': 's', 'Š': 'S', 'ž': 'z', 'Ž': 'Z'}
    return ''.join(table.get(c, c) for c in name)


def fold_ch(name):
    table = {'đ': 'dj', 'Đ': 'Dj', 'ć': 'ch', 'Ć': 'Ch', 'č': 'ch', 'Č': 'Ch', 'š': 'sh', 'Š': 'Sh', 'ž': 'zh', 'Ž': 'Zh'}
    return ''.join(table.get(c, c) for c in name)


def german(name):
    table = {'đ': 'dj', 'Đ': 'Dj', 'ć': 'tsch', 'č': 'tsch', 'Č': 'Tsch', 'Ć': 'Tsch', 'š': 'sch', 'Š': 'Sch',
             'ž': 'sch', 'Ž': 'Sch', 'v': 'w', 'V': 'W', 'c': 'z', 'C': 'Z'}
    return ''.join(table.get(c, c) for c in name)


RU_FROM_SR = [('dž', 'dzh'), ('lj', 'l'), ('nj', 'n'), ('đ', 'dzh'), ('ć', 'ch'), ('č', 'ch'), ('š', 'sh'),
              ('ž', 'zh'), ('j', 'y'), ('c', 'ts'), ('h', 'kh')]


def russian_latin(name):
    """How a Russian-language document romanises a Serbian name: Джордже Джурич → Dzhordzhe Dzhurich."""
    out = []
    for word in name.split(' '):
        w = word.lower()
        res = ''
        i = 0
        while i < len(w):
            for a, b in RU_FROM_SR:
                if w.startswith(a, i):
                    res += b
                    i += len(a)
                    break
            else:
                res += w[i]
                i += 1
        out.append(cap(res.replace('yy', 'y')))
    return ' '.join(out)


def mrz(given, surname):
    def part(text):
        return strip(fold_dj(text)).upper().replace(' ', '<').replace('-', '<')
    return f'{part(surname)}<<{part(given)}'


ALB_TO_SR = [('xh', 'dž'), ('gj', 'đ'), ('sh', 'š'), ('zh', 'ž'), ('th', 't'), ('dh', 'd'), ('ll', 'l'), ('rr', 'r'),
             ('q', 'ć'), ('ç', 'č'), ('ë', 'e'), ('y', 'i')]


def albanian_to_serbian(name):
    out = []
    for word in name.split(' '):
        w = word.lower()
        res = ''
        i = 0
        while i < len(w):
            for a, b in ALB_TO_SR:
                if w.startswith(a, i):
                    res += b
                    i += len(a)
                    break
            else:
                res += w[i]
                i += 1
        out.append(cap(res))
    return ' '.join(out)


BG_OFFICIAL = {'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ж': 'zh', 'з': 'z', 'и': 'i', 'й': 'y',
               'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u',
               'ф': 'f', 'х': 'h', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'sht', 'ъ': 'a', 'ь': 'y', 'ю': 'yu', 'я': 'ya'}
BG_SC = dict(BG_OFFICIAL, **{'ж': 'ž', 'й': 'j', 'ц': 'c', 'ч': 'č', 'ш': 'š', 'щ': 'št', 'ъ': 'ă', 'ь': 'j',
                             'ю': 'ju', 'я': 'ja'})
BG_DE = dict(BG_OFFICIAL, **{'в': 'w', 'ж': 'sch', 'з': 's', 'й': 'j', 'х': 'ch', 'ц': 'z', 'ч': 'tsch', 'ш': 'sch',
                             'щ': 'schtsch', 'ь': 'j', 'ю': 'ju', 'я': 'ja'})
MK_LATIN = {'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'ѓ': 'gj', 'е': 'e', 'ж': 'ž', 'з': 'z', 'ѕ': 'dz',
            'и': 'i', 'ј': 'j', 'к': 'k', 'л': 'l', 'љ': 'lj', 'м': 'm', 'н': 'n', 'њ': 'nj', 'о': 'o', 'п': 'p',
            'р': 'r', 'с': 's', 'т': 't', 'ќ': 'kj', 'у': 'u', 'ф': 'f', 'х': 'h', 'ц': 'c', 'ч': 'č', 'џ': 'dž',
            'ш': 'š'}
MK_SERBIAN = dict(MK_LATIN, **{'ѓ': 'đ', 'ќ': 'ć'})


def translit(name, table):
    return ' '.join(cap(''.join(table.get(c, c) for c in w.lower())) for w in name.split(' '))


def typo(word):
    w = list(word)
    i = rng.randrange(1, len(w) - 2)
    kind = rng.choice(['swap', 'drop', 'double'])
    if kind == 'swap':
        w[i], w[i + 1] = w[i + 1], w[i]
    elif kind == 'drop':
        del w[i]
    else:
        w.insert(i, w[i])
    return ''.join(w)


HYPO = {'Đorđe': 'Đole', 'Predrag': 'Peđa', 'Aleksandar': 'Saša', 'Branislav': 'Bane', 'Slobodan': 'Boban',
        'Zoran': 'Zoki', 'Nenad': 'Neša', 'Vladimir': 'Vlada', 'Dušan': 'Duško', 'Dragana': 'Gaga', 'Milorad': 'Mića',
        'Jovan': 'Joca', 'Svetlana': 'Ceca', 'Miroslav': 'Miki', 'Georgi': 'Gosho', 'Dimitar': 'Mitko',
        'Atanas': 'Nasko', 'Todor': 'Tosho', 'Petar': 'Pera', 'Srđan': 'Srki', 'Dejan': 'Deki', 'Goran': 'Gogi'}

# (given, surname, father, birth, nationality, language); bg/mk names are given in Cyrillic
PERSONS = [
    ('Đorđe', 'Đurić', 'Milan', '1978-04-12', 'RS', 'sr'),
    ('Predrag', 'Jovanović', 'Dragan', '1981-11-03', 'RS', 'sr'),
    ('Nenad', 'Stojković', 'Petar', '1975-02-27', 'RS', 'sr'),
    ('Dragan', 'Nikolić', 'Jovan', '1969-07-08', 'RS', 'sr'),
    ('Milan', 'Petrović', 'Stevan', '1983-09-14', 'RS', 'sr'),
    ('Zoran', 'Đokić', 'Rade', '1972-12-01', 'RS', 'sr'),
    ('Slobodan', 'Ćirić', 'Ilija', '1966-05-19', 'RS', 'sr'),
    ('Dušan', 'Šljivančanin', 'Vojin', '1985-03-23', 'ME', 'me'),
    ('Srđan', 'Lukić', 'Momčilo', '1988-06-30', 'RS', 'sr'),
    ('Marko', 'Živković', 'Zoran', '1990-01-17', 'RS', 'sr'),
    ('Aleksandar', 'Jovičić', 'Miloš', '1979-08-05', 'RS', 'sr'),
    ('Branislav', 'Mitić', 'Sava', '1974-10-21', 'RS', 'sr'),
    ('Vladimir', 'Ćosić', 'Ljubiša', '1986-04-02', 'RS', 'sr'),
    ('Goran', 'Džajić', 'Novak', '1971-03-15', 'BA', 'bs'),
    ('Jelena', 'Milošević', 'Goran', '1992-02-11', 'RS', 'sr'),
    ('Dragana', 'Đorđević', 'Mirko', '1987-12-24', 'RS', 'sr'),
    ('Ljubomir', 'Radulović', 'Vuk', '1968-09-09', 'ME', 'me'),
    ('Dejan', 'Čolić', 'Branko', '1980-07-27', 'BA', 'bs'),
    ('Miroslav', 'Kecman', 'Dušan', '1977-11-29', 'RS', 'sr'),
    ('Radoje', 'Šćekić', 'Veselin', '1973-01-13', 'ME', 'me'),
    ('Edin', 'Hodžić', 'Mustafa', '1984-08-18', 'BA', 'bs'),
    ('Senad', 'Mujić', 'Hasan', '1976-06-06', 'BA', 'bs'),
    ('Adnan', 'Čaušević', 'Ibrahim', '1989-10-10', 'BA', 'bs'),
    ('Mirza', 'Begić', 'Salko', '1991-05-25', 'BA', 'bs'),
    ('Ante', 'Jurić', 'Mate', '1970-04-04', 'HR', 'hr'),
    ('Tomislav', 'Šarić', 'Ivan', '1982-03-08', 'HR', 'hr'),
    ('Svetlana', 'Ražnatović', 'Stevo', '1973-06-14', 'RS', 'sr'),
    ('Milorad', 'Ulemek', 'Jovan', '1968-03-15', 'RS', 'sr'),
    ('Jovan', 'Njegoš', 'Petar', '1983-12-12', 'ME', 'me'),
    ('Nikola', 'Ljubičić', 'Đuro', '1987-02-02', 'RS', 'sr'),
    ('Agron', 'Krasniqi', 'Rexhep', '1980-05-16', 'XK', 'al'),
    ('Bekim', 'Hoxha', 'Xhevdet', '1977-09-01', 'AL', 'al'),
    ('Fatmir', 'Gjoni', 'Gjergj', '1985-11-22', 'AL', 'al'),
    ('Arben', 'Shala', 'Ilir', '1979-02-14', 'XK', 'al'),
    ('Ardian', 'Rrahmani', 'Fadil', '1990-07-07', 'XK', 'al'),
    ('Xhevdet', 'Qerimi', 'Sadri', '1974-04-19', 'XK', 'al'),
    ('Dritan', 'Dhima', 'Petrit', '1983-10-30', 'AL', 'al'),
    ('Ylli', 'Bytyqi', 'Bajram', '1988-01-05', 'XK', 'al'),
    ('Shkëlzen', 'Gashi', 'Hysen', '1975-12-03', 'XK', 'al'),
    ('Gëzim', 'Çela', 'Bardhyl', '1981-08-27', 'AL', 'al'),
    ('Blerim', 'Kuçi', 'Naim', '1986-03-31', 'XK', 'al'),
    ('Valon', 'Llapashtica', 'Afrim', '1984-06-09', 'XK', 'al'),
    ('Стоян', 'Стоянов', 'Петър', '1976-07-21', 'BG', 'bg'),
    ('Георги', 'Иванов', 'Христо', '1972-02-28', 'BG', 'bg'),
    ('Христо', 'Петков', 'Никола', '1980-11-11', 'BG', 'bg'),
    ('Димитър', 'Желязков', 'Иван', '1969-04-23', 'BG', 'bg'),
    ('Ивайло', 'Щерев', 'Стефан', '1985-09-17', 'BG', 'bg'),
    ('Николай', 'Цветков', 'Асен', '1978-01-29', 'BG', 'bg'),
    ('Тодор', 'Чернев', 'Георги', '1967-10-05', 'BG', 'bg'),
    ('Любомир', 'Йорданов', 'Васил', '1983-05-13', 'BG', 'bg'),
    ('Ангел', 'Жеков', 'Димитър', '1990-12-20', 'BG', 'bg'),
    ('Атанас', 'Шишков', 'Пенчо', '1974-08-08', 'BG', 'bg'),
    ('Мария', 'Иванова', 'Петър', '1986-06-16', 'BG', 'bg'),
    ('Горан', 'Ѓорѓиевски', 'Трајче', '1979-03-03', 'MK', 'mk'),
    ('Марјан', 'Ќурчиев', 'Ристо', '1982-09-26', 'MK', 'mk'),
    ('Дејан', 'Трајковски', 'Методи', '1975-11-08', 'MK', 'mk'),
    ('Љупчо', 'Николовски', 'Благоја', '1971-04-30', 'MK', 'mk'),
    ('Игор', 'Џамбазов', 'Кирил', '1988-07-12', 'MK', 'mk'),
    ('Бојан', 'Ѕвездовски', 'Пеце', '1984-02-18', 'MK', 'mk'),
    ('Јованка', 'Петровска', 'Ѓорѓи', '1990-10-01', 'MK', 'mk'),
]


def renderings(given, surname, father, lang):
    """(category, name) pairs: the same person as different agencies write them."""
    out = []
    if lang in ('sr', 'me', 'bs', 'hr'):
        full = f'{given} {surname}'
        out += [('cyrillic', sr_to_cyrillic(full)), ('ascii', strip(full)), ('dj-fold', fold_dj(full)),
                ('ch-fold', fold_ch(full)), ('mrz', mrz(given, surname)),
                ('surname-first', f'{strip(fold_dj(surname)).upper()} {fold_dj(given)}'),
                ('father-name', f'{given} ({father}) {surname}'), ('father-middle', f'{given} {father} {surname}'),
                ('initial', f'{given[0]}. {surname}'), ('typo', f'{given} {typo(surname)}'),
                ('russian', russian_latin(full)), ('russian-cyrillic', sr_to_cyrillic(full).replace('ђ', 'дж').replace('Ђ', 'Дж').replace('ћ', 'ч')), ('german', german(full))]
        if given in HYPO:
            out.append(('hypocoristic', f'{HYPO[given]} {surname}'))
    elif lang == 'al':
        full = f'{given} {surname}'
        sr = albanian_to_serbian(full)
        out += [('albanian-serbian', sr), ('albanian-serbian-cyrillic', sr_to_cyrillic(sr)),
                ('albanian-ascii', strip(full)), ('albanian-serbian-ascii', strip(fold_dj(sr))),
                ('mrz', mrz(given, surname)), ('surname-first', f'{surname.upper()} {given}'),
                ('father-middle', f'{given} {father} {surname}'), ('typo', f'{given} {typo(surname)}'),
                ('initial', f'{given[0]}. {surname}')]
    elif lang == 'bg':
        full = f'{given} {surname}'
        official = translit(full, BG_OFFICIAL)
        out += [('bg-official', official), ('bg-serbocroatian', translit(full, BG_SC)),
                ('bg-german', translit(full, BG_DE)), ('bg-ascii-sc', strip(translit(full, BG_SC))),
                ('mrz', mrz(translit(given, BG_OFFICIAL), translit(surname, BG_OFFICIAL))),
                ('father-middle', f'{given} {father} {surname}'), ('typo', f'{official.split(" ")[0]} {typo(official.split(" ")[1])}')]
        g = translit(given, BG_OFFICIAL)
        if g in HYPO:
            out.append(('hypocoristic', f'{HYPO[g]} {translit(surname, BG_OFFICIAL)}'))
    elif lang == 'mk':
        full = f'{given} {surname}'
        latin = translit(full, MK_LATIN)
        out += [('mk-latin', latin), ('mk-ascii', strip(latin)), ('mk-serbian', translit(full, MK_SERBIAN)),
                ('mk-accented', latin.replace('Gj', 'Ǵ').replace('gj', 'ǵ').replace('Kj', 'Ḱ').replace('kj', 'ḱ')),
                ('mrz', mrz(strip(translit(given, MK_LATIN)), strip(translit(surname, MK_LATIN)))),
                ('father-middle', f'{given} {father} {surname}'), ('typo', f'{latin.split(" ")[0]} {typo(latin.split(" ")[1])}')]
    return out


def shift_year(date, years):
    return f'{int(date[:4]) + years}{date[4:]}'


def date_noise(date):
    """(category suffix, date) for the second record of a positive pair."""
    kind = rng.choices(['equal', 'missing', 'swapped', 'year+1', 'year-only'], weights=[5, 3, 1, 1, 1])[0]
    y, m, d = date.split('-')
    if kind == 'equal':
        return kind, date
    if kind == 'missing':
        return kind, ''
    if kind == 'swapped':
        return (kind, f'{y}-{d}-{m}') if int(d) <= 12 and d != m else ('equal', date)
    if kind == 'year+1':
        return kind, shift_year(date, 1)
    return kind, y


rows = []


def add(split, category, same, left, right, note=''):
    rows.append({'id': f'b{len(rows) + 1:03d}', 'split': split, 'category': category, 'same': '1' if same else '0',
                 'type': 'Person', 'left_name': left[0], 'left_birth': left[1], 'left_nat': left[2],
                 'left_neighbours': left[3] if len(left) > 3 else '', 'right_name': right[0], 'right_birth': right[1],
                 'right_nat': right[2], 'right_neighbours': right[3] if len(right) > 3 else '', 'note': note})


OTHER_GIVEN = {'sr': ['Nikola', 'Stefan', 'Miloš', 'Nemanja', 'Vuk'], 'me': ['Vuk', 'Balša'], 'bs': ['Kenan', 'Emir'],
               'hr': ['Luka', 'Ivan'], 'al': ['Besnik', 'Luan', 'Ilir'], 'bg': ['Васил', 'Кирил'], 'mk': ['Ристо', 'Кирил']}
NEAR_SURNAME = {'Petrović': 'Petković', 'Jovanović': 'Jovanić', 'Nikolić': 'Nikodić', 'Đurić': 'Đukić',
                'Stojković': 'Stanković', 'Lukić': 'Lučić', 'Mitić': 'Mirić', 'Hodžić': 'Hadžić', 'Mujić': 'Mušić',
                'Begić': 'Bekić', 'Jurić': 'Burić', 'Šarić': 'Šapić', 'Ćosić': 'Kosić', 'Živković': 'Žirković',
                'Krasniqi': 'Kastrati', 'Gashi': 'Gjashi', 'Shala': 'Shehu'}

for index, (given, surname, father, birth, nat, lang) in enumerate(PERSONS):
    split = 'tune' if index % 2 == 0 else 'holdout'
    original = f'{given} {surname}'
    op = f'op:{index:03d}'
    for category, name in renderings(given, surname, father, lang):
        noise, date = date_noise(birth)
        neighbours = op if rng.random() < 0.25 else ''
        right_nat = nat if rng.random() < 0.6 else ''
        add(split, f'{category}/{noise}', True, (original, birth, nat, op), (name, date, right_nat, neighbours))
    # two agencies' renderings compared with each other (not with the original), each with its own date noise
    forms = renderings(given, surname, father, lang)
    for _ in range(4):
        (ca, na), (cb, nb) = rng.sample(forms, 2)
        noise_a, date_a = date_noise(birth)
        noise_b, date_b = date_noise(birth)
        add(split, f'cross:{ca}+{cb}/{noise_a}+{noise_b}', True, (na, date_a, nat if rng.random() < 0.5 else ''),
            (nb, date_b, nat if rng.random() < 0.5 else ''))
    latin = forms[0][1]
    y = int(birth[:4])
    # namesake: the same name, another birth date
    add(split, 'namesake', False, (original, birth, nat), (latin, f'{y + rng.choice([-9, -6, 5, 11])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}', nat))
    add(split, 'namesake-same-year', False, (original, birth, nat), (original, f'{y}-{(int(birth[5:7]) % 12) + 1:02d}-{(int(birth[8:10]) % 27) + 2:02d}', nat))
    # father and son: the son often carries the father's name as his middle name
    son_birth = shift_year(birth, rng.choice([24, 26, 28]))
    add(split, 'father-son', False, (original, birth, nat, op), (f'{given} {surname}', son_birth, nat, op))
    # siblings: same surname, other given name, close birth dates, often in the same group
    sib = rng.choice(OTHER_GIVEN[lang])
    add(split, 'sibling', False, (original, birth, nat, op), (f'{sib} {surname}', shift_year(birth, rng.choice([-3, -2, 2, 4])), nat, op))
    add(split, 'sibling-no-date', False, (original, birth, nat), (f'{sib} {surname}', '', ''))
    if surname in NEAR_SURNAME:
        add(split, 'near-surname', False, (original, birth, nat), (f'{given} {NEAR_SURNAME[surname]}', shift_year(birth, rng.choice([-7, 3, 8])), nat))

# feminine forms: a woman and a man of one family are two people; the same woman in both forms is one
FEMININE = [
    ('tune', ('Мария Иванова', '1986-06-16', 'BG'), ('Georgi Ivanov', '1984-03-02', 'BG'), False),
    ('tune', ('Мария Иванова', '1986-06-16', 'BG'), ('Maria Ivanov', '1986-06-16', 'BG'), True),
    ('holdout', ('Јованка Петровска', '1990-10-01', 'MK'), ('Jovan Petrovski', '1962-04-04', 'MK'), False),
    ('holdout', ('Јованка Петровска', '1990-10-01', 'MK'), ('Jovanka Petrovski', '1990-10-01', 'MK'), True),
    ('tune', ('Petya Stoyanova', '1991-01-20', 'BG'), ('Stoyan Stoyanov', '1976-07-21', 'BG'), False),
    ('holdout', ('Elena Nikolovska', '1989-05-05', 'MK'), ('Ljupco Nikolovski', '1971-04-30', 'MK'), False),
    ('tune', ('Ana Trajkovska', '', 'MK'), ('Dejan Trajkovski', '', 'MK'), False),
    ('holdout', ('Ivana Ivanova', '1993-03-03', 'BG'), ('Ivan Ivanov', '1993-07-19', 'BG'), False),
]
for split, left, right, same in FEMININE:
    add(split, 'feminine', same, left, right)

w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()), lineterminator='\n')
w.writeheader()
w.writerows(rows)
