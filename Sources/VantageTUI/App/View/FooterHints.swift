/// The footer's key hints: the action table's hints for where keys are pressed now, with the
/// active keymap's keys (`Keymap.footerHints(in:)`). In a question, the yes key is labelled with
/// what it does ("y stop").
enum FooterHints {
    static func hints(state: AppState, keymap: Keymap) -> [Footer.Hint] {
        var hints = keymap.footerHints(in: state.keyContext)
        if state.keyContext == .overlay(.question), let yes = keymap.key(for: .accept),
           let i = hints.firstIndex(where: { $0.keys == yes }) {
            hints[i].label = Update.questionVerb(state)
        }
        return hints
    }
}
