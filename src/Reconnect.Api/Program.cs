using Reconnect.Api.Correspondents;
using Reconnect.Api.Extensions;
using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.Sync;
using Reconnect.Api.TaskPane;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiDefaults();
builder.AddClock();
builder.AddStorage();
builder.AddIdentity();
builder.AddMailboxSync();
builder.AddTaskPane();

var app = builder.Build();

app.MapApiDefaults();
app.MapTaskPane();
app.UseAuthentication();
app.UseAuthorization();

var api = app.MapGroup("").RequireAuthorization(IdentityExtensions.ApiUserPolicy);
api.MapSync();
api.MapCorrespondents();

app.Run();
