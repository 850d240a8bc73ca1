;;; common.el --- what the Emacs drivers (drive.el, drive-lsp-mode.el) share  -*- lexical-binding: t -*-

;; The plan they read (COPYDESK_EMACS_PLAN), the result they write (COPYDESK_EMACS_OUT), waiting for
;; the server while Emacs runs its processes and timers, and a batch Emacs's stand-in for the command
;; loop when the user stops typing. Each driver sets `copydesk--buffer-version' (its client's document
;; version) and `copydesk--finish-fields' (what else it writes), and loads this file first.

(require 'cl-lib)
(require 'json)

(defvar copydesk--plan (json-parse-string
                        (with-temp-buffer (insert-file-contents (getenv "COPYDESK_EMACS_PLAN")) (buffer-string))
                        :object-type 'plist :array-type 'list :null-object nil :false-object nil))
(defvar copydesk--errors nil)
(defvar copydesk--traffic nil "JSON-RPC messages seen, last first: (FROM METHOD ERROR-MESSAGE REQUEST-ID).")
(defvar copydesk--published 0 "textDocument/publishDiagnostics notifications for the step's file.")
(defvar copydesk--published-version nil "The document version of the last of them.")
(defvar copydesk--file-uri-tail nil)
(defvar copydesk--result (list :steps []))
(defvar copydesk--buffer-version (lambda () nil) "The client's version of the current buffer's document.")
(defvar copydesk--finish-fields (lambda () nil) "The driver's own fields of the result (a plist).")
(defvar copydesk--idle-runs-post-command nil
  "Whether `copydesk--idle' runs `post-command-hook' (lsp-mode starts and feeds Flymake from it).")

(defun copydesk--ms (key) (/ (plist-get copydesk--plan key) 1000.0))

(defun copydesk--wait (pred seconds)
  "Let processes and timers run until PRED holds or SECONDS pass; PRED's last value."
  (let ((end (+ (float-time) seconds)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) end))
      (accept-process-output nil 0.05))
    v))

(defun copydesk--idle ()
  "The user stops typing: the command loop's hooks and the idle timers that are due run."
  (copydesk--wait (lambda () nil) 0.2)
  ;; the command loop waiting for input handles special events (file-notify's, for the file watchers)
  (condition-case nil (read-event nil nil 0.05) (error nil))
  (when copydesk--idle-runs-post-command (run-hooks 'post-command-hook))
  (run-window-configuration-change-hook)
  (dolist (tm (copy-sequence timer-idle-list))
    (when (memq tm timer-idle-list) (timer-event-handler tm))))

(defun copydesk--wait-current (pushes seconds)
  "Wait for a push after the first PUSHES of the buffer's current version (didChange sent), then let
Flymake show it."
  (copydesk--wait (lambda () (and (> copydesk--published pushes)
                                  (equal copydesk--published-version (funcall copydesk--buffer-version))))
                  seconds)
  (copydesk--idle))

(defun copydesk--finish ()
  (let ((out (append (list :emacs emacs-version)
                     (funcall copydesk--finish-fields)
                     (list :errors (vconcat (reverse copydesk--errors))
                           :traffic (vconcat (mapcar (lambda (x) (vector (nth 0 x) (or (nth 1 x) "") (or (nth 2 x) "")))
                                                     (reverse copydesk--traffic)))
                           :result copydesk--result))))
    (with-temp-file (getenv "COPYDESK_EMACS_OUT")
      (insert (json-serialize out :null-object :null :false-object :false))))
  (kill-emacs 0))

(defun copydesk--fail (msg)
  (push msg copydesk--errors)
  (copydesk--finish))

(defun copydesk--matches (title want)
  "Whether TITLE is WANT's `:text' (`:exact') or begins with it."
  (let ((text (plist-get want :text)))
    (if (plist-get want :exact) (equal title text) (string-prefix-p text title))))

(provide 'copydesk-common)
