"""Function words of the languages the fact table reads: the most frequent short words of
news text, which :mod:`.language` counts to tell a document's language.

Lists are lower case and may overlap ("de" is French, Spanish, Portuguese and Dutch): a
shared word counts for every language that has it, so only the others decide.
"""

from __future__ import annotations

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """the and of to in is that for it with as was on be by at this from have are not
        but had has were which said would their they been its who an will or more also
        there after about than when he she we what could into over""".split()
    ),
    "de": frozenset(
        """der die das und ist nicht ein eine einen einem einer dem den des mit sich auf für
        von zu im auch es wird wurde sind war hat haben dass nach bei aus wie noch nur oder
        aber werden am vom zum zur sie er wir ihr ihre sein seine über unter durch gegen
        seit diese dieser dieses kein keine bis hieß sei""".split()
    ),
    "fr": frozenset(
        """le la les des du et est une un dans pour que qui pas sur au aux ce cette ces il
        elle ils sont été avec par plus ne se son sa ses leur mais ou où avait être fait
        aussi selon après contre entre depuis lors nous vous a""".split()
    ),
    "es": frozenset(
        """el la los las del y es en que un una por con para se no su sus al lo como más
        pero ha han fue era este esta estos sido también sobre entre desde hasta según
        tras muy ya ser""".split()
    ),
    "it": frozenset(
        """il lo la gli le dei delle della del degli che di e è un una per con non si sono
        stato stata ha hanno al alla alle nel nella più ma anche come dopo tra fra questo
        questa secondo""".split()
    ),
    "nl": frozenset(
        """de het een en van is dat die niet op te met voor zijn er aan ook als bij maar om
        dan nog door naar werd wordt hij zij ze heeft hebben over uit tot zich worden deze
        dit""".split()
    ),
    "pt": frozenset(
        """o a os as do da dos das e é em um uma que para com não se por no na nos nas ao à
        mais mas foi são ser tem como seu sua também após entre pelo pela já""".split()
    ),
}
"""Language code (ISO 639-1) -> its function words."""
