#!/usr/bin/env python3
"""Generates realistic Pinnwand listings for the benchmark (bench/run.sh).

Usage: generate_listings.py N SEED ZIPCODES_CSV OUT_DIR

Writes into OUT_DIR:
  listings.csv     rows for `\\copy listing(...) from ... csv` (the columns of V1__create_listings_...sql)
  listings.ndjson  the same listings as `_bulk` index actions with the documents the app would index
                   (de.pinnwand.search.ListingDocument), for the raw-bulk baseline
  words.txt        the search words (one a line) used for the portal and the direct Elasticsearch queries

Titles and descriptions are built from word lists in German, English, Arabic, Persian and Ukrainian per
topic; places are postcode centroids of Landkreis Ludwigsburg and Stuttgart from the gazetteer's CSV.
"""
import csv
import json
import os
import random
import sys
import uuid
from datetime import datetime, timedelta, timezone

TOPICS = ["language-learning", "accompaniment", "housing", "donations", "mobility", "work", "children",
          "health", "leisure", "meeting-places", "interpreting", "counselling"]
SPOKEN = ["de", "en", "ar", "fa", "prs", "uk", "ru", "tr"]
# Text language of the listing, weighted roughly like a county board (mostly German offers).
TEXT_LANGUAGES = [("de", 50), ("en", 12), ("ar", 13), ("fa", 10), ("uk", 15)]

# Per language and topic: things people offer or ask for (title nouns).
THINGS = {
    "de": {
        "language-learning": ["Deutschkurs", "Sprachcafé", "Nachhilfe in Deutsch", "Konversationstraining", "Hausaufgabenhilfe", "Lesepatenschaft"],
        "accompaniment": ["Begleitung zum Amt", "Begleitung zur Ausländerbehörde", "Hilfe beim Jobcenter", "Begleitung zum Arzt", "Behördengänge"],
        "housing": ["Wohnung", "Zimmer in WG", "Wohnungssuche", "Möbel für die Wohnung", "Hilfe beim Umzug", "Mietvertrag erklären"],
        "donations": ["Kinderwagen", "Winterkleidung", "Waschmaschine", "Kühlschrank", "Fahrrad", "Geschirr", "Bettwäsche", "Kinderfahrrad"],
        "mobility": ["Fahrradwerkstatt", "Fahrrad reparieren", "Mitfahrgelegenheit", "Fahrschule Theorie", "Busfahrplan erklären"],
        "work": ["Bewerbungshilfe", "Lebenslauf schreiben", "Praktikum", "Ausbildungsplatz", "Minijob", "Anerkennung des Abschlusses"],
        "children": ["Kinderbetreuung", "Spielgruppe", "Kindergartenplatz", "Schulanmeldung", "Babysitter", "Hausaufgabenbetreuung"],
        "health": ["Arztsuche", "Zahnarzt", "Hebamme", "Krankenversicherung", "Psychologische Beratung", "Apotheke"],
        "leisure": ["Fußballverein", "Schwimmkurs", "Chor", "Wanderung", "Nähkurs", "Kochabend", "Museumsbesuch"],
        "meeting-places": ["Begegnungscafé", "Frauencafé", "Nachbarschaftstreff", "Internationaler Treff", "Spieleabend"],
        "interpreting": ["Dolmetscher Arabisch", "Übersetzung Ukrainisch", "Dolmetschen beim Arzt", "Übersetzung von Dokumenten", "Sprachmittlung Farsi"],
        "counselling": ["Asylberatung", "Sozialberatung", "Rechtsberatung", "Schuldnerberatung", "Beratung zum Aufenthalt"],
    },
    "en": {
        "language-learning": ["German lessons", "language café", "conversation practice", "homework help", "reading partner"],
        "accompaniment": ["accompaniment to the immigration office", "help at the job centre", "company at the doctor", "help with forms"],
        "housing": ["flat", "room in a shared flat", "apartment search", "furniture", "help moving house"],
        "donations": ["pram", "winter clothes", "washing machine", "fridge", "bicycle", "kitchen things", "bed linen"],
        "mobility": ["bike repair", "lift to Stuttgart", "driving theory", "bus timetable help"],
        "work": ["job application help", "CV writing", "internship", "apprenticeship", "part-time job", "recognition of qualifications"],
        "children": ["childcare", "playgroup", "kindergarten place", "school registration", "babysitter"],
        "health": ["finding a doctor", "dentist", "midwife", "health insurance", "counselling for trauma"],
        "leisure": ["football club", "swimming course", "choir", "hiking", "sewing course", "cooking evening"],
        "meeting-places": ["meeting café", "women's café", "neighbourhood meeting", "games night"],
        "interpreting": ["Arabic interpreter", "Ukrainian translation", "interpreting at the doctor", "document translation"],
        "counselling": ["asylum counselling", "social counselling", "legal advice", "debt advice", "residence advice"],
    },
    "ar": {
        "language-learning": ["دورة لغة ألمانية", "مقهى اللغة", "دروس خصوصية", "مساعدة في الواجبات"],
        "accompaniment": ["مرافقة إلى دائرة الأجانب", "مرافقة إلى الطبيب", "مساعدة في مكتب العمل", "مساعدة في الأوراق"],
        "housing": ["شقة", "غرفة", "البحث عن سكن", "أثاث", "مساعدة في الانتقال"],
        "donations": ["عربة أطفال", "ملابس شتوية", "غسالة", "ثلاجة", "دراجة", "أدوات مطبخ"],
        "mobility": ["تصليح الدراجات", "توصيلة", "دروس القيادة النظرية", "جدول الحافلات"],
        "work": ["مساعدة في طلب العمل", "كتابة السيرة الذاتية", "تدريب مهني", "عمل جزئي", "معادلة الشهادة"],
        "children": ["رعاية الأطفال", "مجموعة لعب", "روضة أطفال", "تسجيل المدرسة"],
        "health": ["البحث عن طبيب", "طبيب أسنان", "قابلة", "تأمين صحي"],
        "leisure": ["نادي كرة القدم", "دورة سباحة", "جوقة", "نزهة", "أمسية طبخ"],
        "meeting-places": ["مقهى اللقاء", "مقهى النساء", "لقاء الجيران"],
        "interpreting": ["مترجم عربي", "ترجمة عند الطبيب", "ترجمة الوثائق"],
        "counselling": ["استشارة اللجوء", "استشارة اجتماعية", "استشارة قانونية"],
    },
    "fa": {
        "language-learning": ["کلاس زبان آلمانی", "کافه زبان", "کمک در تکالیف", "تمرین مکالمه"],
        "accompaniment": ["همراهی به اداره اتباع", "همراهی به دکتر", "کمک در اداره کار", "کمک با فرم‌ها"],
        "housing": ["آپارتمان", "اتاق", "جستجوی خانه", "مبلمان", "کمک در اسباب‌کشی"],
        "donations": ["کالسکه بچه", "لباس زمستانی", "ماشین لباسشویی", "یخچال", "دوچرخه", "ظروف آشپزخانه"],
        "mobility": ["تعمیر دوچرخه", "همسفری", "تئوری رانندگی", "برنامه اتوبوس"],
        "work": ["کمک در درخواست کار", "نوشتن رزومه", "کارآموزی", "کار پاره‌وقت", "ارزشیابی مدرک"],
        "children": ["نگهداری از کودک", "گروه بازی", "مهدکودک", "ثبت‌نام مدرسه"],
        "health": ["پیدا کردن دکتر", "دندانپزشک", "ماما", "بیمه درمانی"],
        "leisure": ["باشگاه فوتبال", "کلاس شنا", "گروه کر", "پیاده‌روی", "شب آشپزی"],
        "meeting-places": ["کافه دیدار", "کافه زنان", "دیدار همسایه‌ها"],
        "interpreting": ["مترجم فارسی", "ترجمه نزد دکتر", "ترجمه مدارک"],
        "counselling": ["مشاوره پناهندگی", "مشاوره اجتماعی", "مشاوره حقوقی"],
    },
    "uk": {
        "language-learning": ["курс німецької мови", "мовне кафе", "допомога з домашнім завданням", "розмовна практика"],
        "accompaniment": ["супровід до відомства", "супровід до лікаря", "допомога в джобцентрі", "допомога з формулярами"],
        "housing": ["квартира", "кімната", "пошук житла", "меблі", "допомога з переїздом"],
        "donations": ["дитяча коляска", "зимовий одяг", "пральна машина", "холодильник", "велосипед", "посуд"],
        "mobility": ["ремонт велосипедів", "поїздка до Штутгарта", "теорія водіння", "розклад автобусів"],
        "work": ["допомога з резюме", "пошук роботи", "практика", "навчання професії", "визнання диплома"],
        "children": ["догляд за дітьми", "ігрова група", "дитячий садок", "реєстрація в школі"],
        "health": ["пошук лікаря", "стоматолог", "акушерка", "медичне страхування"],
        "leisure": ["футбольний клуб", "курс плавання", "хор", "похід", "кулінарний вечір"],
        "meeting-places": ["кафе зустрічей", "жіноче кафе", "зустріч сусідів"],
        "interpreting": ["перекладач української", "переклад у лікаря", "переклад документів"],
        "counselling": ["консультація щодо притулку", "соціальна консультація", "юридична консультація"],
    },
}

# Title patterns by language and kind; {thing} is a topic noun, {place} the place name.
TITLES = {
    "de": {"OFFER": ["Biete {thing}", "{thing} in {place}", "Gerne: {thing}", "{thing} – kostenlos", "Ich helfe: {thing}"],
           "REQUEST": ["Suche {thing}", "Brauche {thing} in {place}", "Wer hilft? {thing}", "Gesucht: {thing}"]},
    "en": {"OFFER": ["Offering {thing}", "{thing} in {place}", "Free {thing}", "I can help: {thing}"],
           "REQUEST": ["Looking for {thing}", "Need {thing} in {place}", "Who can help with {thing}?"]},
    "ar": {"OFFER": ["أقدم {thing}", "{thing} في {place}", "{thing} مجانا"],
           "REQUEST": ["أبحث عن {thing}", "أحتاج {thing} في {place}", "من يساعد في {thing}؟"]},
    "fa": {"OFFER": ["ارائه {thing}", "{thing} در {place}", "{thing} رایگان"],
           "REQUEST": ["دنبال {thing} هستم", "به {thing} در {place} نیاز دارم", "چه کسی در {thing} کمک می‌کند؟"]},
    "uk": {"OFFER": ["Пропоную: {thing}", "{thing} у {place}", "Безкоштовно: {thing}"],
           "REQUEST": ["Шукаю: {thing}", "Потрібно: {thing} у {place}", "Хто допоможе? {thing}"]},
}

# Description sentences by language; combined three to six at a time.
SENTENCES = {
    "de": ["Ich wohne in {place} und habe unter der Woche abends Zeit.", "Am Wochenende geht es auch.",
           "Bitte meldet euch über die Nachrichtenfunktion.", "Ich spreche etwas Englisch und ein wenig Arabisch.",
           "Wir sind eine kleine Gruppe von Ehrenamtlichen aus {place}.", "Es ist alles gut erhalten und sauber.",
           "Abholung in {place} möglich, gerne auch mit dem Fahrrad.", "Wir treffen uns jeden Dienstag um 17 Uhr.",
           "Meine Familie ist seit drei Monaten in Deutschland.", "Wir brauchen Hilfe mit einem Brief von der Behörde.",
           "Kinder sind herzlich willkommen.", "Die Räume sind barrierefrei erreichbar.",
           "Kosten entstehen keine, Spenden sind nicht nötig.", "Ich habe Erfahrung mit {thing}.",
           "Der Termin ist nächste Woche, ich brauche jemanden, der mitkommt.", "Auch spontan, einfach fragen."],
    "en": ["I live in {place} and have time on weekday evenings.", "Weekends are fine too.",
           "Please get in touch through the message function.", "I speak German and a bit of Arabic.",
           "We are a small group of volunteers from {place}.", "Everything is in good condition and clean.",
           "Pick-up in {place} is possible.", "We meet every Tuesday at 5 pm.",
           "My family arrived in Germany three months ago.", "We need help with a letter from the authorities.",
           "Children are very welcome.", "I have experience with {thing}."],
    "ar": ["أسكن في {place} ولدي وقت في المساء.", "نهاية الأسبوع ممكنة أيضا.", "يرجى التواصل عبر الرسائل.",
           "أتكلم الألمانية قليلا.", "نحن مجموعة صغيرة من المتطوعين من {place}.", "كل شيء بحالة جيدة ونظيف.",
           "وصلت عائلتي إلى ألمانيا قبل ثلاثة أشهر.", "نحتاج مساعدة في رسالة من الدائرة.", "الأطفال مرحب بهم.",
           "لدي خبرة في {thing}."],
    "fa": ["در {place} زندگی می‌کنم و عصرها وقت دارم.", "آخر هفته هم ممکن است.", "لطفا از طریق پیام تماس بگیرید.",
           "کمی آلمانی صحبت می‌کنم.", "ما گروه کوچکی از داوطلبان {place} هستیم.", "همه چیز سالم و تمیز است.",
           "خانواده من سه ماه است که در آلمان هستند.", "برای یک نامه از اداره به کمک نیاز داریم.",
           "بچه‌ها خوش آمدند.", "در {thing} تجربه دارم."],
    "uk": ["Я живу в {place} і маю час увечері.", "Вихідні теж підходять.", "Будь ласка, пишіть через повідомлення.",
           "Я трохи розмовляю німецькою.", "Ми невелика група волонтерів з {place}.", "Усе в доброму стані й чисте.",
           "Моя родина в Німеччині три місяці.", "Нам потрібна допомога з листом від відомства.",
           "Діти дуже бажані.", "Маю досвід: {thing}."],
}

# Search words people type, in all five languages; the same list drives portal and direct queries.
SEARCH_WORDS = ["Deutschkurs", "Fahrrad", "Wohnung", "Kinderwagen", "Waschmaschine", "Begleitung", "Arzt",
                "Dolmetscher", "Bewerbung", "Praktikum", "Kinderbetreuung", "Beratung", "Zimmer", "Möbel",
                "Schwimmkurs", "Sprachcafé", "Übersetzung", "Umzug", "Hebamme", "Chor",
                "bicycle", "flat", "German lessons", "interpreter", "childcare", "doctor", "furniture", "job",
                "شقة", "دراجة", "طبيب", "ترجمة", "أثاث",
                "آپارتمان", "دوچرخه", "دکتر", "مشاوره",
                "квартира", "велосипед", "лікаря", "переклад", "меблі",
                "Kinderfahrrad", "Ludwigsburg", "Stuttgart", "Kornwestheim", "Winterkleidung", "Fußball"]


def places(zipcodes_csv):
    """Postcode centroids of Landkreis Ludwigsburg and Stuttgart, with the district as the gazetteer names it."""
    result = []
    with open(zipcodes_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            community = row["community"]
            if "Ludwigsburg" in community:
                district = "Landkreis Ludwigsburg"
            elif "Stuttgart" in community:
                district = "Stadtkreis Stuttgart"
            else:
                continue
            if row["place"].endswith("GmbH") or row["place"].endswith("AG"):
                continue  # company postcodes are not places people live in
            result.append((row["zipcode"], row["place"], district, float(row["latitude"]), float(row["longitude"])))
    return result


def weighted(rng, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def main():
    n, seed, zipcodes_csv, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    rng = random.Random(seed)
    where = places(zipcodes_csv)
    now = datetime.now(timezone.utc)
    analyzed = {"de": "de", "en": "en", "ar": "ar", "fa": "fa", "uk": "uk"}
    with open(os.path.join(out, "listings.csv"), "w", encoding="utf-8", newline="") as c, \
            open(os.path.join(out, "listings.ndjson"), "w", encoding="utf-8") as nd:
        w = csv.writer(c)
        for i in range(n):
            lang = weighted(rng, TEXT_LANGUAGES)
            kind = "OFFER" if rng.random() < 0.65 else "REQUEST"
            topics = rng.sample(TOPICS, rng.choices([1, 2, 3], weights=[60, 30, 10])[0])
            spoken = {lang} | set(rng.sample(SPOKEN, rng.choice([0, 1, 2])))
            spoken = sorted(spoken)
            postcode, place, district, lat, lon = rng.choice(where)
            thing = rng.choice(THINGS[lang][topics[0]])
            title = rng.choice(TITLES[lang][kind]).format(thing=thing, place=place)[:120]
            extra = [rng.choice(THINGS[lang][t]) for t in topics[1:]]
            sentences = rng.sample(SENTENCES[lang], rng.randint(3, min(6, len(SENTENCES[lang]))))
            description = " ".join(s.format(place=place, thing=rng.choice([thing] + extra)) for s in sentences)
            if extra:
                description += " " + ", ".join(extra) + "."
            description = description[:4000]
            created = now - timedelta(seconds=rng.randint(0, 50 * 86400))
            expires = created + timedelta(days=56)
            reach = rng.choice([5, 10, 10, 10, 15, 25, 50])
            lid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            w.writerow([lid, kind, "PUBLISHED", title, description, "{" + ",".join(topics) + "}",
                        "{" + ",".join(spoken) + "}", lang, postcode, place, district, lat, lon, reach, None, None,
                        None, created.isoformat(), created.isoformat(), expires.isoformat(), 0])
            doc = {"id": lid, "kind": kind, "title": title, "description": description,
                   "text": {analyzed[lang]: {"title": title, "description": description}}, "topics": topics,
                   "languages": spoken, "textLanguage": lang, "postcode": postcode, "placeName": place,
                   "district": district, "location": {"lat": lat, "lon": lon}, "reachKm": reach,
                   "timeFrame": None, "capacity": None, "createdAt": int(created.timestamp() * 1000),
                   "expiresAt": int(expires.timestamp() * 1000)}
            nd.write(json.dumps({"index": {"_id": lid, "version": 1, "version_type": "external"}}) + "\n")
            nd.write(json.dumps(doc, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "words.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(SEARCH_WORDS) + "\n")


if __name__ == "__main__":
    main()
