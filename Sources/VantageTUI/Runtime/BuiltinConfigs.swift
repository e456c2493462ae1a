/// The shipped theme and keymap files, compiled in so the binary works from anywhere.
/// Generated from themes/*.toml and keymaps/*.toml; a test checks they match the files.
enum BuiltinConfigs {
    static let themes: [String: String] = [
        "dark": #"""
# Vantage dark theme: for dark terminals. The background is the terminal's own ("default"),
# so a tmux pane stays transparent. Colours: "#rrggbb", 0-255, one of the 16 names, or "default".
name = "dark"
variant = "dark"

[colors]
background = "default"
text = "#c8ccd4"
muted = "#7f8794"
accent = "#61afef"
border = "#4b5263"
selection = "#2c3e57"
ok = "#98c379"
warn = "#e5c07b"
error = "#e06c75"

# One colour per kind of node in the knowledge graph (roles node.project, node.language, ...).
[colors.node]
project = "#61afef"
language = "#c678dd"
dependency = "#56b6c2"
container = "#d19a66"
port = "#98c379"
error = "#e06c75"
solution = "#8fd6a4"
hotspot = "#f08d49"
advisor = "#e5c07b"
"""#,
        "high-contrast": #"""
# Vantage high contrast: the terminal's own bright palette on black, for low vision, projectors
# and 16-colour terminals (the named colours follow the terminal's palette exactly).
name = "high-contrast"
variant = "dark"

[colors]
background = "black"
text = "bright-white"
muted = "white"
accent = "bright-cyan"
border = "bright-white"
selection = "blue"
ok = "bright-green"
warn = "bright-yellow"
error = "bright-red"

[colors.node]
project = "bright-cyan"
language = "bright-magenta"
dependency = "bright-blue"
container = "bright-yellow"
port = "bright-green"
error = "bright-red"
solution = "green"
hotspot = "yellow"
advisor = "bright-white"
"""#,
        "light": #"""
# Vantage light theme: for light terminals. The background is the terminal's own ("default").
name = "light"
variant = "light"

[colors]
background = "default"
text = "#383a42"
muted = "#7c818c"
accent = "#2f6fdb"
border = "#a0a4ad"
selection = "#d5e2fb"
ok = "#3f8f3e"
warn = "#a86b00"
error = "#d2392f"

[colors.node]
project = "#2f6fdb"
language = "#a626a4"
dependency = "#0184bc"
container = "#986801"
port = "#3f8f3e"
error = "#d2392f"
solution = "#1f7a55"
hotspot = "#c4540c"
advisor = "#8a6d00"
"""#,
        "solarized-dark": #"""
# Solarized dark (Ethan Schoonover's palette) on its own base03 background.
name = "solarized-dark"
variant = "dark"

[colors]
background = "#002b36"
text = "#839496"
muted = "#586e75"
accent = "#268bd2"
border = "#586e75"
selection = "#073642"
ok = "#859900"
warn = "#b58900"
error = "#dc322f"

[colors.node]
project = "#268bd2"
language = "#6c71c4"
dependency = "#2aa198"
container = "#b58900"
port = "#859900"
error = "#dc322f"
solution = "#93a1a1"
hotspot = "#cb4b16"
advisor = "#d33682"
"""#,
        "solarized-light": #"""
# Solarized light (Ethan Schoonover's palette) on its own base3 background.
name = "solarized-light"
variant = "light"

[colors]
background = "#fdf6e3"
text = "#657b83"
muted = "#93a1a1"
accent = "#268bd2"
border = "#93a1a1"
selection = "#eee8d5"
ok = "#859900"
warn = "#b58900"
error = "#dc322f"

[colors.node]
project = "#268bd2"
language = "#6c71c4"
dependency = "#2aa198"
container = "#b58900"
port = "#859900"
error = "#dc322f"
solution = "#586e75"
hotspot = "#cb4b16"
advisor = "#d33682"
"""#,
    ]
    static let keymaps: [String: String] = [
        "default": #"""
# Vantage default keys. Each action takes one key or a list: quit = "q", up = ["Up", "k"].
# Key names: a character as typed ("q", "R", "?", "/"), Space, Tab, Shift-Tab, Enter, Esc,
# Backspace, Delete, Insert, Up, Down, Left, Right, Home, End, PageUp, PageDown, F1-F24,
# Ctrl-<letter>, Alt-<char>.
# A preset (--keymap vim) or your own $XDG_CONFIG_HOME/vantage/keymap.toml overrides only the
# actions it names. No default uses Ctrl-a, Ctrl-b or Ctrl-h/j/k/l: tmux needs those.
name = "default"

[keys]
quit = "q"
help = "?"
focus_next = "Tab"
focus_previous = "Shift-Tab"
up = ["Up", "k"]
down = ["Down", "j"]
left = ["Left", "h"]
right = ["Right", "l"]
page_up = "PageUp"
page_down = "PageDown"
top = ["g", "Home"]
bottom = ["G", "End"]
zoom = "z"
toggle_theme = "t"
filter = "/"
details = "Enter"
refresh = "r"
back = "Esc"
start = "s"
stop = "x"
restart = "R"
switch_env = "e"
zoom_in = ["+", "="]
zoom_out = "-"
center = "0"
"""#,
        "emacs": #"""
# Emacs-flavoured keys on top of the default keymap (only the actions named here change).
# Ctrl-b (backward-char) is left to tmux: use Left. Ctrl-s is left alone too, because terminals
# use it for flow control.
name = "emacs"

[keys]
up = ["Up", "Ctrl-p"]
down = ["Down", "Ctrl-n"]
left = ["Left"]
right = ["Right", "Ctrl-f"]
page_up = ["PageUp", "Alt-v"]
page_down = ["PageDown", "Ctrl-v"]
top = ["Home", "Alt-<"]
bottom = ["End", "Alt->"]
back = ["Esc", "Ctrl-g"]
details = ["Enter", "Ctrl-o"]
"""#,
        "vim": #"""
# Vim-flavoured keys on top of the default keymap (only the actions named here change).
# Ctrl-b is left to tmux: page up is Ctrl-u.
name = "vim"

[keys]
page_up = ["PageUp", "Ctrl-u"]
page_down = ["PageDown", "Ctrl-d", "Ctrl-f"]
top = ["g", "Home"]
bottom = ["G", "End"]
details = ["Enter", "o"]
back = ["Esc"]
focus_next = ["Tab", "Ctrl-w"]
center = ["0", "Z"]
"""#,
    ]
}
