"""Words too common to say what a paragraph is about, per language.

English's list is hand-made for news (it holds "said", "told"); the others are each
language's function words (:mod:`.language_words`) with its pronouns, auxiliaries,
conjunctions and verbs of saying, shortened from the Snowball project's stop lists.
"""

from __future__ import annotations

from compareapp.core.text.language_words import FUNCTION_WORDS

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves said says say told tell would may might must shall upon
    us one""".split()
)
"""English stop words (also the list for a text whose language is not told)."""

_MORE = {
    "de": """ich du mich dich mir dir uns euch ihm ihn ihnen ihrem ihren ihrer ihres seinem
        seinen seiner seines unser unsere man jede jeder jedes jedem jeden alle allem allen
        aller alles andere anderen anderer anderes kann können konnte konnten muss müssen
        musste soll sollen sollte will wollen wollte würde würden wäre waren wurden bin bist seid
        gewesen worden hatte hatten habe hast jene jener jenes welche welcher welches was wer
        wo wann warum so da dann doch denn weil wenn ob als also schon sehr hier dort nun um
        an in ins ohne zwischen sowie sondern etwa mehr viel viele vielen weitere weiteren
        sagte sagt sagten erklärte""",
    "fr": """je tu on me te lui moi toi eux y en mon ma mes ton ta tes notre nos votre vos
        leurs celui celle ceux celles cela ça ceci qu quoi dont si sans sous vers chez avant
        pendant très tout tous toute toutes ont ai as avons avez avaient sera seront serait
        étaient était suis es sommes êtes étant eu fut même autre autres déjà encore comme
        donc car ni dit déclaré""",
    "es": """yo tú él ella ellos ellas nosotros vosotros me te le les nos os mi mis tu tus
        nuestro nuestra nuestros nuestras esto eso ese esa esos esas aquel aquella cual
        cuales quien quienes donde cuando porque pues si sin sobre bajo ante contra durante
        hay he has hemos había habían será serán sería son está están estaba estaban muy
        todo todos toda todas otro otra otros otras mismo misma dijo afirmó""",
    "it": """io tu lui lei noi voi loro mi ti ci vi gli ne mio mia miei mie tuo tua suo sua
        suoi sue nostro nostra vostro quello quella quelli quelle questi queste cui chi quale
        quali dove quando perché se senza sotto sopra su da in a o ed anche ancora già molto
        tutto tutti tutta tutte altro altri altra altre è era erano sarà sarebbe siamo sia
        ho hai abbiamo aveva avevano dello dai dagli dalle nei negli nelle sul sulla sui
        detto ha detto""",
    "nl": """ik jij je u wij we jullie hem haar hun mij mijn jouw uw ons onze wat wie waar
        wanneer waarom omdat als of want maar dus toch nu hier daar zo zeer veel meer al
        alle alles andere ander geen iets niets kan kunnen kon konden moet moeten moest zal
        zullen zou zouden wil willen was waren ben bent is geweest had hadden heb hebt
        werden in uit bij tegen tussen zei zegt""",
    "pt": """eu tu ele ela nós vós eles elas me te lhe nos vos lhes meu minha meus minhas
        teu tua seus suas nosso nossa este esta estes estas esse essa esses essas aquele
        aquela isto isso aquilo qual quais quem onde quando porque se sem sobre sob até
        contra durante muito muitos todo todos toda todas outro outra outros outras mesmo
        há havia será seria era eram está estão estava estavam sido tinha tinham disse
        afirmou""",
}
STOPWORDS_BY_LANGUAGE: dict[str, frozenset[str]] = {
    "en": STOPWORDS,
    **{code: FUNCTION_WORDS[code] | frozenset(words.split()) for code, words in _MORE.items()},
}
"""Language code (ISO 639-1) -> its stop words."""


def stop_words(language: str) -> frozenset[str]:
    """The stop words of ``language``; English's for "" or a language not listed."""
    return STOPWORDS_BY_LANGUAGE.get(language, STOPWORDS)
