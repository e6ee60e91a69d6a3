#!/usr/bin/python3
# A drag source for the end-to-end journeys: a small GTK 3 window that offers one file as
# `text/uri-list` (a file:// URI, the path percent-encoded), as a file manager does. The journey
# (lib/drop.mjs) drives the mouse with xdotool from this window onto the app's window: a real X11
# drag and drop (XDND) between two programs.
#
#   /usr/bin/python3 drag-source.py FILE X Y SIZE
#
# Places its window at X,Y (SIZE x SIZE pixels; no window manager under Xvfb, so the position is
# taken as given) and reports on stdout, one line each, for the journey to wait on:
#   ready <x> <y> <width> <height>      the window is shown there (root coordinates)
#   begin                               the drag started (button pressed and moved)
#   get <uri>                           the drop target asked for the data: the URI handed over
#   end                                 the drag ended (dropped or not)
#   failed <reason>                     the drag failed (GTK's GtkDragResult, e.g. no-target)
# and exits 0 after `end` (or when stdin closes).
# Debian packages: python3-gi, gir1.2-gtk-3.0 (run it with /usr/bin/python3, not a pyenv).

import sys

import gi

gi.require_version('Gtk', '3.0')
gi.require_version('Gdk', '3.0')
from gi.repository import Gdk, GLib, Gtk  # noqa: E402


def say(line):
    print(line, flush=True)


def main():
    path, x, y, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    uri = GLib.filename_to_uri(path, None)

    window = Gtk.Window(type=Gtk.WindowType.TOPLEVEL, title='kaohe-e2e-drag-source')
    window.set_decorated(False)
    window.set_default_size(size, size)
    window.move(x, y)
    box = Gtk.EventBox()
    label = Gtk.Label(label='拖动\n' + GLib.path_get_basename(path))
    label.set_line_wrap(True)
    box.add(label)
    window.add(box)

    box.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [Gtk.TargetEntry.new('text/uri-list', 0, 0)], Gdk.DragAction.COPY)
    box.connect('drag-begin', lambda *_: say('begin'))

    def data_get(_widget, _context, data, _info, _time):
        data.set_uris([uri])
        say(f'get {uri}')

    box.connect('drag-data-get', data_get)

    def failed(_widget, _context, result):
        say(f'failed {result.value_nick}')
        return False

    box.connect('drag-failed', failed)

    def end(*_):
        say('end')
        # Let GTK finish the XDND exchange (XdndFinished) before leaving.
        GLib.timeout_add(300, Gtk.main_quit)

    box.connect('drag-end', end)

    def mapped(*_):
        def report():
            _, wx, wy = window.get_window().get_origin()
            alloc = window.get_allocation()
            say(f'ready {wx} {wy} {alloc.width} {alloc.height}')
            return False

        # The first configure after mapping; then the window is where it will stay.
        GLib.timeout_add(200, report)

    window.connect('map-event', mapped)
    window.connect('destroy', Gtk.main_quit)

    # The journey ends this program by closing its stdin (or by its process id).
    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT, GLib.IOCondition.HUP | GLib.IOCondition.IN, lambda *_: Gtk.main_quit() or False)

    window.show_all()
    Gtk.main()


if __name__ == '__main__':
    main()
